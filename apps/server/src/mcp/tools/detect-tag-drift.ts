import { detectTagDrift } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accounts, dataQuality, resourceTypes } from "../schemas";

export const detectTagDriftTool = defineTool({
  name: "detect_tag_drift",
  title: "Detect tag drift",
  description:
    "Compares the current values of the monitored tag keys (default: the required tags) with the stored baseline at or before lookback_days ago: added, removed and changed values. A removed required tag is critical. The first run establishes the baseline and says so.",
  input: z.strictObject({
    resource_types: resourceTypes,
    tag_keys: z.array(z.string().min(1).max(128)).max(50).optional(),
    lookback_days: z.number().int().min(1).max(90).optional(),
    accounts: accounts.optional(),
  }),
  output: z.looseObject({
    baseline_established: z.boolean(),
    changes: z.array(z.looseObject({})),
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  run: (ctx, input) => detectTagDrift({ ctx, input }),
  summarize: (r) =>
    r.baseline_established
      ? String(r.message)
      : `${(r.changes as unknown[]).length} tag changes since the baseline.`,
});
