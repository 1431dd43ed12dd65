// Tool 8: compliance over time from the client's stored snapshots. Computed by core's aggregateHistory.
import { aggregateHistory } from "@tagc/core";
import { z } from "zod";
import { scoped } from "../scoped";
import { readTrendSnapshots, trendPoint } from "../snapshots/read";
import { defineTool } from "./define";
import { scalar } from "./inputs";

export const getViolationHistory = defineTool({
  name: "get_violation_history",
  title: "Violation history",
  description:
    "Compliance over time from stored snapshots: mean score, totals and violations per day, week (Monday start) or month, and the trend (improving / declining / stable, with the change in points). kind=scheduled gives the scheduled series, which is the trend to report; ad-hoc scans may be partial.",
  input: z.strictObject({
    days_back: z.number().int().min(1).max(90).optional(),
    group_by: scalar(z.enum(["day", "week", "month"])).optional(),
    kind: scalar(z.enum(["scheduled", "ad_hoc", "all"])).optional(),
  }),
  output: z.object({
    periods: z.array(z.object({ period: z.string(), mean_score: z.number().nullable() })),
    trend: z.object({ direction: z.string() }),
  }),
  mutates: false,
  readsAws: false,
  async run(ctx, input) {
    const days = input.days_back ?? 30;
    const since = new Date(ctx.deps.now().getTime() - days * 86_400_000);
    const kind = input.kind ?? "all";
    // Row-level security under the filter: the read runs as this tenant (scoped.ts).
    const { usable, excluded } = await scoped(ctx, ({ deps }) =>
      readTrendSnapshots(deps.db, ctx.client.id, { since, kind }),
    );
    const history = aggregateHistory(usable.map(trendPoint), input.group_by ?? "day");
    return {
      ...history,
      days_back: days,
      kind,
      snapshot_count: usable.length,
      excluded_partial: excluded,
      note:
        usable.length + excluded
          ? null
          : "No snapshots yet: call check_tag_compliance with store_snapshot: true, or schedule an audit.",
    };
  },
  summarize: (r) => `${r.periods.length} periods; trend ${r.trend.direction}.`,
});
