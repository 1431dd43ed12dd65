import { getViolationHistory } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { scalar } from "../schemas";

export const getViolationHistoryTool = defineTool({
  name: "get_violation_history",
  title: "Violation history",
  description:
    "Compliance over time from stored snapshots: mean score, totals and violations per day, week (Monday start) or month, and the trend (improving / declining / stable, with the change in points). kind=scheduled gives the scheduled series, which is the trend to report; ad-hoc scans may be partial.",
  input: z.strictObject({
    days_back: z.number().int().min(1).max(90).optional(),
    group_by: scalar(z.enum(["day", "week", "month"])).optional(),
    kind: scalar(z.enum(["scheduled", "ad_hoc", "all"])).optional(),
  }),
  output: z.looseObject({
    periods: z.array(z.looseObject({ period: z.string(), mean_score: z.number() })),
    trend: z.looseObject({ direction: z.string() }),
  }),
  readsAws: false,
  run: (ctx, input) => getViolationHistory({ ctx, input }),
  summarize: (r) =>
    `${(r.periods as unknown[]).length} periods; trend ${(r.trend as { direction: string }).direction}.`,
});
