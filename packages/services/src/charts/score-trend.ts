// The compliance score over time for charts (console, HTML report): the stored snapshots between
// since and until, one point per day per account and overall (core's scoreTrend).
import { type ScoreTrend, scoreTrend } from "@tagc/core";
import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";
import { readTrendSnapshots, trendPoint } from "../snapshots/read";
import { chartRange } from "./time-range";

export interface ScoreTrendInput {
  /** ISO date or date-time; default 30 days before `until`. */
  since?: string | undefined;
  /** ISO date or date-time; default now. */
  until?: string | undefined;
}

export const getScoreTrend = tenantScoped(async function getScoreTrend({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: ScoreTrendInput;
}): Promise<ScoreTrend & { since: string; until: string; snapshot_count: number }> {
  const { since, until } = chartRange(ctx.deps.now(), input);
  // The client id comes from the context, never from input; row-level security backs the filter.
  const { usable } = await readTrendSnapshots(ctx.deps.db, ctx.client.id, { since, until });
  const trend = scoreTrend(usable.map(trendPoint));
  return { since: since.toISOString(), until: until.toISOString(), snapshot_count: usable.length, ...trend };
});
