// Stack events, recorded as CloudFormation records them: one per status change of the stack
// (logical id = stack name, type AWS::CloudFormation::Stack) or of a resource.
import { randomUUID } from "node:crypto";
import type { Stack, StackStatus } from "./types";

export function resourceEvent(
  stack: Stack,
  at: number,
  event: { logicalId: string; physicalId?: string; type: string; status: string; reason?: string },
): void {
  stack.events.push({
    eventId: `${event.logicalId}-${event.status}-${randomUUID()}`,
    physicalId: event.physicalId ?? "",
    timestamp: at,
    ...event,
  });
}

/** Moves the stack to `status` and records it. */
export function stackStatus(stack: Stack, at: number, status: StackStatus, reason?: string): void {
  stack.status = status;
  if (reason === undefined) delete stack.reason;
  else stack.reason = reason;
  resourceEvent(stack, at, {
    logicalId: stack.name,
    physicalId: stack.id,
    type: "AWS::CloudFormation::Stack",
    status,
    ...(reason === undefined ? {} : { reason }),
  });
}
