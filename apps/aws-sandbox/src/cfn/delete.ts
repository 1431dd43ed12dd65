// Deleting a stack's resources, newest first: DeleteStack, and the rollback of a failed create.
import type { OpContext } from "../protocol/operation";
import { resourceEvent } from "./events";
import { handlerContext } from "./handler-context";
import { HANDLERS } from "./resources";
import { ResourceFailure } from "./resources/handler";
import type { Stack } from "./types";

/** Deletes every resource the stack holds; returns the logical ids that could not be deleted. */
export function deleteResources(ctx: OpContext, stack: Stack): string[] {
  const handlerCtx = handlerContext(ctx, stack);
  const failed: string[] = [];
  for (const resource of [...stack.resources].reverse()) {
    const base = { logicalId: resource.logicalId, physicalId: resource.physicalId, type: resource.type };
    resourceEvent(stack, ctx.now, { ...base, status: "DELETE_IN_PROGRESS" });
    try {
      HANDLERS[resource.type]?.delete(handlerCtx, resource);
      stack.resources = stack.resources.filter((r) => r !== resource);
      resourceEvent(stack, ctx.now, { ...base, status: "DELETE_COMPLETE" });
    } catch (error) {
      if (!(error instanceof ResourceFailure)) throw error;
      failed.push(resource.logicalId);
      resourceEvent(stack, ctx.now, { ...base, status: "DELETE_FAILED", reason: error.message });
    }
  }
  return failed;
}
