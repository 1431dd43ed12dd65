// POST /console/clients/:id/schedules/:scheduleId/cancel: cancelSchedule, as its DELETE route.
import { cancelSchedule, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { clientCtxOf } from "../../routes/context";
import type { AppEnv } from "../../types";

export async function cancelScheduleAction(c: Context<AppEnv>, deps: ServiceDeps) {
  const input = { schedule_id: c.req.param("scheduleId") ?? "" };
  await cancelSchedule({ ctx: clientCtxOf(c, deps), input });
  return c.redirect(`/console/clients/${c.var.client.id}?notice=schedule_cancelled#schedules`, 303);
}
