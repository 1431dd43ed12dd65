// Issue 11: tool summaries render money in dollars and cents ("$220.00"), through the same core
// helper as the reports, never a raw float; each tenant's summary carries its own numbers.
import { formatUsd } from "@tagc/core";
import { describe, expect, it } from "vitest";
import { getCostAttributionGap } from "../../src/tools/get-cost-attribution-gap";
import { ok, useToolsHarness } from "./harness";

// The summary may go on with the gap note and the keys not activated for cost allocation (wt-11b).
const SHAPE = /^Attribution gap \$[\d,]+\.\d{2} \([\d.]+% of taggable spend \$[\d,]+\.\d{2}\)\.( .+)?$/;

describe("get_cost_attribution_gap summary", () => {
  const harness = useToolsHarness("pglite");

  it("shows each tenant's gap and taggable spend with two decimals", async () => {
    const h = harness();
    for (const tenant of [h.acme, h.globex]) {
      const outcome = await h.call(tenant, getCostAttributionGap, { resource_types: ["all"] });
      const result = ok(outcome);
      expect(outcome.ok && outcome.summary).toMatch(SHAPE);
      expect(
        outcome.ok &&
          outcome.summary.startsWith(
            `Attribution gap ${formatUsd(result.attribution_gap)} (${result.attribution_gap_percentage}% of taggable spend ${formatUsd(result.taggable_spend)}).`,
          ),
      ).toBe(true);
    }
  });
});
