import { auditSchedules } from "@tagc/db";
import { asc, eq } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";
import { scheduleView } from "./view";

/** The client's audit schedules, active and cancelled, oldest first. */
export const listSchedules = tenantScoped(async function listSchedules({ ctx }: { ctx: ClientCtx }) {
  const rows = await ctx.deps.db
    .select()
    .from(auditSchedules)
    .where(eq(auditSchedules.clientId, ctx.client.id))
    .orderBy(asc(auditSchedules.createdAt), asc(auditSchedules.id));
  return { data: rows.map(scheduleView) };
});
