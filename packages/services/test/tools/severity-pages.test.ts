// The severity filter on a memoised analysis (scan/analyse.ts): each severity's list is filtered once
// and kept with the analysis, so the warm calls after it must still list exactly that severity's
// violations, whichever severity was asked before, with the score and totals of the whole scan, and
// each tenant only its own.
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { ok, useToolsHarness } from "./harness";

describe("severity pages of a memoised analysis", () => {
  const harness = useToolsHarness("pglite");
  // Every call differs (its page size), so the loop detector never sees a repeat.
  let call = 0;
  const check = async (tenant: "acme" | "globex", severity: string) => {
    const h = harness();
    call += 1;
    return ok(
      await h.call(h[tenant], checkTagCompliance, { resource_types: ["all"], severity, limit: 60 + call }),
    );
  };

  it("lists only the asked severity on every warm call, in any order of severities", async () => {
    const all = await check("acme", "all");
    const globexAll = await check("globex", "all");
    const expected = {
      errors_only: all.violations.filter((v) => v.severity === "error"),
      warnings_only: all.violations.filter((v) => v.severity === "warning"),
    };
    expect(expected.errors_only.length).toBeGreaterThan(0);
    for (const severity of ["warnings_only", "errors_only", "warnings_only", "errors_only"] as const) {
      const page = await check("acme", severity);
      expect(page.violations).toEqual(expected[severity]);
      expect(page.compliance_score).toBe(all.compliance_score);
      expect(page.total_resources).toBe(all.total_resources);
    }
    // Globex's filtered page is filtered from its own analysis, never from Acme's list.
    const globexErrors = await check("globex", "errors_only");
    expect(globexErrors.violations).toEqual(globexAll.violations.filter((v) => v.severity === "error"));
    const acmeArns = new Set(all.violations.map((v) => v.resource_arn));
    expect(globexErrors.violations.some((v) => acmeArns.has(v.resource_arn))).toBe(false);
  });
});
