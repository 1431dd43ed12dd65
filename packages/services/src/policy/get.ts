import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";
import { currentPolicy } from "./current";
import { policyView } from "./view";

export const getPolicy = tenantScoped(async function getPolicy({ ctx }: { ctx: ClientCtx }) {
  const { row, policy } = await currentPolicy(ctx.deps.db, ctx.client.id);
  return policyView(row, policy);
});
