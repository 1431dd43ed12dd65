// The remediation generators (tools 9, 10, 16, 17) are pure core functions over the client's current
// policy; core's strict input schemas are the tools' schemas too.
import type { TaggingPolicy } from "@tagc/core";
import { currentPolicy } from "../policy/current";
import { scoped } from "../scoped";
import type { ToolCtx } from "./context";

export const policyOf = async (ctx: ToolCtx): Promise<TaggingPolicy> =>
  (await scoped(ctx, ({ deps }) => currentPolicy(deps.db, ctx.client.id))).policy;
