// CloudFormation (query protocol, 2010-05-15): CreateStack, DescribeStacks, DeleteStack,
// GetTemplate, DescribeStackEvents. The engine is in ../cfn; this file adapts requests to it.
import { createStack } from "../cfn/create";
import { deleteResources } from "../cfn/delete";
import { stackStatus } from "../cfn/events";
import { findStack, liveStacks, requireStack } from "../cfn/store";
import { readTemplateUrl } from "../cfn/template-url";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { createStackInput, stackName, templateSource } from "./cloudformation/request";
import { eventShape, members, stackShape } from "./cloudformation/shapes";

const stackArn = (ctx: OpContext, input: OpInput) => {
  const name = typeof input.StackName === "string" ? input.StackName : "*";
  return name.startsWith("arn:")
    ? name
    : `arn:aws:cloudformation:${ctx.region}:${ctx.identity.accountId}:stack/${name}/*`;
};

function create(ctx: OpContext, input: OpInput) {
  // The name is checked before the template is fetched, as CloudFormation validates input first.
  stackName(input);
  const source = templateSource(input);
  const body = "body" in source ? source.body : readTemplateUrl(ctx, source.url);
  return { StackId: createStack(ctx, createStackInput(input, body)).id };
}

function describe(ctx: OpContext, input: OpInput) {
  const name = typeof input.StackName === "string" && input.StackName ? input.StackName : undefined;
  const stacks = name ? [requireStack(ctx, name)] : liveStacks(ctx).reverse();
  return { Stacks: members(stacks.map(stackShape)) };
}

function remove(ctx: OpContext, input: OpInput) {
  const name = typeof input.StackName === "string" ? input.StackName : "";
  // Deleting a stack that does not exist (or is already deleted) succeeds, as in CloudFormation.
  const stack = findStack(ctx, name);
  if (!stack || stack.status === "DELETE_COMPLETE") return {};
  stackStatus(stack, ctx.now, "DELETE_IN_PROGRESS", "User Initiated");
  const failed = deleteResources(ctx, stack);
  if (failed.length) {
    stackStatus(
      stack,
      ctx.now,
      "DELETE_FAILED",
      `The following resource(s) failed to delete: [${failed.join(", ")}]. `,
    );
    return {};
  }
  stackStatus(stack, ctx.now, "DELETE_COMPLETE");
  stack.deletedAt = ctx.now;
  return {};
}

export const cloudformation: OperationTable = {
  CreateStack: { action: "cloudformation:CreateStack", resource: stackArn, handle: create },
  DescribeStacks: { action: "cloudformation:DescribeStacks", resource: stackArn, handle: describe },
  DeleteStack: { action: "cloudformation:DeleteStack", resource: stackArn, handle: remove },
  GetTemplate: {
    action: "cloudformation:GetTemplate",
    resource: stackArn,
    handle: (ctx, input) => {
      const stack = requireStack(ctx, String(input.StackName ?? ""));
      return { TemplateBody: stack.templateBody, StagesAvailable: members(["Original", "Processed"]) };
    },
  },
  DescribeStackEvents: {
    action: "cloudformation:DescribeStackEvents",
    resource: stackArn,
    handle: (ctx, input) => {
      const stack = requireStack(ctx, String(input.StackName ?? ""));
      return { StackEvents: members([...stack.events].reverse().map((e) => eventShape(stack, e))) };
    },
  },
};
