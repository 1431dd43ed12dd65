// `limit` on the list results (issue 12: results sized for a model): a smaller page, the same total,
// a cursor that walks the rest in order, and a clear error outside 1-100. Two tenants: globex's pages
// never hold acme's resources.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { findUntaggedResources } from "../../src/tools/find-untagged-resources";
import { validateResourceTags } from "../../src/tools/validate-resource-tags";
import { failed, ok, useToolsHarness } from "./harness";

describe("limit on the list results", () => {
  const harness = useToolsHarness("postgres");

  it("check_tag_compliance pages its violations by limit, in the order of the full list", async () => {
    const h = harness();
    const all = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    expect(all.violations_total).toBeGreaterThan(3);
    const pages = [];
    let cursor: string | null | undefined;
    do {
      const page = ok(
        await h.call(h.acme, checkTagCompliance, {
          resource_types: ["all"],
          limit: 3,
          ...(cursor ? { cursor } : {}),
        }),
      );
      expect(page.violations.length).toBeLessThanOrEqual(3);
      expect(page.violations_total).toBe(all.violations_total);
      pages.push(...page.violations);
      cursor = page.next_cursor;
    } while (cursor);
    expect(pages).toEqual(all.violations);
    const theirs = ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["all"], limit: 3 }));
    expect(JSON.stringify(theirs)).not.toContain(ACME);
  });

  it("find_untagged_resources pages by limit; the total stays the account's", async () => {
    const h = harness();
    const all = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"] }));
    const first = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"], limit: 2 }));
    expect(first.resources).toEqual(all.resources.slice(0, 2));
    expect(first.next_cursor).not.toBeNull();
    const rest = ok(
      await h.call(h.acme, findUntaggedResources, {
        resource_types: ["all"],
        limit: 100,
        cursor: first.next_cursor ?? undefined,
      }),
    );
    expect([...first.resources, ...rest.resources]).toEqual(all.resources);
    expect(rest.next_cursor).toBeNull();
  });

  it("validate_resource_tags pages its results; the summary counts every ARN; each tag's rule is stated once", async () => {
    const h = harness();
    const untagged = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"] }));
    const arns = untagged.resources.map((r) => r.resource_arn);
    expect(arns.length).toBeGreaterThan(2);
    const first = ok(await h.call(h.acme, validateResourceTags, { resource_arns: arns, limit: 2 }));
    expect(first.results.map((r) => r.resource_arn)).toEqual(arns.slice(0, 2));
    expect(first.summary.total).toBe(arns.length);
    expect(first.remaining).toBe(arns.length - 2);
    const rest = ok(
      await h.call(h.acme, validateResourceTags, {
        resource_arns: arns,
        cursor: first.next_cursor ?? undefined,
        limit: 100,
      }),
    );
    expect([...first.results, ...rest.results].map((r) => r.resource_arn)).toEqual(arns);
    expect(rest.next_cursor).toBeNull();
    // The rules of the tags this page's violations name, and no allowed values inside a violation.
    const named = new Set(first.results.flatMap((r) => r.violations.map((v) => v.tag_name)));
    expect(Object.keys(first.tag_rules).sort()).toEqual([...named].sort());
    expect(JSON.stringify(first.results)).not.toContain("allowed_values");
    const theirs = failed(await h.call(h.globex, validateResourceTags, { resource_arns: arns.slice(0, 1) }));
    expect(theirs.message).toMatch(/^resource_arns\[0\]: belongs to AWS account/);
  });

  it.each([0, 101, 2.5])("refuses limit %s naming the field and the range", async (limit) => {
    const h = harness();
    const error = failed(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], limit }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).toMatch(/^limit: /);
  });
});
