// The XML shapes of CloudFormation's answers (query protocol: lists are <member> elements).
import type { Stack } from "../../cfn/types";

const members = <T>(items: T[]) => ({ member: items });
const iso = (ms: number) => new Date(ms).toISOString();

export function stackShape(stack: Stack) {
  return {
    StackId: stack.id,
    StackName: stack.name,
    ...(stack.description ? { Description: stack.description } : {}),
    Parameters: members(
      stack.parameters.map((p) => ({ ParameterKey: p.key, ParameterValue: p.noEcho ? "****" : p.value })),
    ),
    CreationTime: iso(stack.createdAt),
    ...(stack.deletedAt !== undefined ? { DeletionTime: iso(stack.deletedAt) } : {}),
    RollbackConfiguration: {},
    StackStatus: stack.status,
    ...(stack.reason ? { StackStatusReason: stack.reason } : {}),
    DisableRollback: stack.disableRollback,
    NotificationARNs: members([]),
    Capabilities: members(stack.capabilities),
    Outputs: members(
      stack.outputs.map((o) => ({
        OutputKey: o.key,
        OutputValue: o.value,
        ...(o.description ? { Description: o.description } : {}),
      })),
    ),
    Tags: members(stack.tags),
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
  };
}

export function eventShape(stack: Stack, event: Stack["events"][number]) {
  return {
    StackId: stack.id,
    EventId: event.eventId,
    StackName: stack.name,
    LogicalResourceId: event.logicalId,
    PhysicalResourceId: event.physicalId,
    ResourceType: event.type,
    Timestamp: iso(event.timestamp),
    ResourceStatus: event.status,
    ...(event.reason ? { ResourceStatusReason: event.reason } : {}),
  };
}

export { members };
