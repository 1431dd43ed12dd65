// The context resource handlers run in: the stack's account and region, and the caller's own
// permissions (a stack without a service role acts as its caller, as in AWS).
import { callerMay, notAuthorized } from "../iam/caller";
import type { OpContext } from "../protocol/operation";
import { type HandlerContext, ResourceFailure } from "./resources/handler";
import type { Stack } from "./types";

export function handlerContext(ctx: OpContext, stack: Stack): HandlerContext {
  return {
    world: ctx.world,
    identity: ctx.identity,
    accountId: stack.accountId,
    region: stack.region,
    stackName: stack.name,
    require(action, resource) {
      if (callerMay(ctx.world, ctx.identity, action, resource)) return;
      const service = action.split(":")[0] === "iam" ? "Iam" : action.split(":")[0];
      throw new ResourceFailure(
        `Resource handler returned message: "${notAuthorized(ctx.identity, action, resource)} (Service: ${service}, Status Code: 403)"`,
      );
    },
  };
}
