import { apiKeys } from "@tagc/db";
import { asc, eq } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";
import { keyView } from "./view";

export const listApiKeys = tenantScoped(async function listApiKeys({ ctx }: { ctx: ClientCtx }) {
  const rows = await ctx.deps.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.clientId, ctx.client.id))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
  const now = ctx.deps.now();
  return { data: rows.map((row) => keyView(row, now)) };
});
