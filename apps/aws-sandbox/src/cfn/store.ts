// Finding stacks. Stacks are per account and region: a caller sees only its own account's stacks
// in the region it signed for. By name, only a live stack is found (a deleted name is free again);
// by stack id, a deleted stack is still found, as DescribeStacks does for DELETE_COMPLETE stacks.
import { AwsError } from "../errors";
import type { OpContext } from "../protocol/operation";
import type { Stack } from "./types";

const mine = (ctx: OpContext, stack: Stack) =>
  stack.accountId === ctx.identity.accountId && stack.region === ctx.region;

export const isLive = (stack: Stack) => stack.status !== "DELETE_COMPLETE";

export function findLiveStack(ctx: OpContext, name: string): Stack | undefined {
  return ctx.world.stacks.find((stack) => mine(ctx, stack) && isLive(stack) && stack.name === name);
}

export function findStack(ctx: OpContext, nameOrId: string): Stack | undefined {
  if (nameOrId.startsWith("arn:"))
    return ctx.world.stacks.find((stack) => mine(ctx, stack) && stack.id === nameOrId);
  return findLiveStack(ctx, nameOrId);
}

export function requireStack(ctx: OpContext, nameOrId: string): Stack {
  const stack = findStack(ctx, nameOrId);
  if (!stack) throw new AwsError("ValidationError", `Stack with id ${nameOrId} does not exist`, 400);
  return stack;
}

export const liveStacks = (ctx: OpContext) =>
  ctx.world.stacks.filter((stack) => mine(ctx, stack) && isLive(stack));
