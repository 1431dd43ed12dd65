// A resource list already in ARN order with each ARN once (discovery's merge hands it over so) takes
// the short way through the dedupe-and-sort steps (arn/order.ts), and a spread the caller already has
// is reused by the gap: both must give exactly what the long way gives, byte for byte.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUniqueAndSortedByArn } from "../../src/arn/order";
import { uniqueByArn } from "../../src/compliance/scope";
import { evaluateCompliance } from "../../src/compliance/score";
import { countsAgainstCompliance } from "../../src/compliance/validate";
import { attributionGap } from "../../src/cost/gap";
import { spreadCosts, spreadCostsDetailed } from "../../src/cost/spread";
import type { Resource } from "../../src/model";
import type { TaggingPolicy } from "../../src/policy/types";
import { costData, resource, SERVICES } from "../cost/build";

const policy: TaggingPolicy = {
  version: "1.0",
  last_updated: null,
  key_matching: "case_insensitive",
  exclusions: [{ tag: { key: "skip", value: "yes" } }],
  required_tags: [
    { name: "Owner", description: "", allowed_values: null, validation_regex: null, applies_to: [] },
    {
      name: "Environment",
      description: "",
      allowed_values: ["production", "staging"],
      validation_regex: null,
      applies_to: ["ec2:instance", "lambda:function"],
      value_aliases: { production: ["prod"] },
      alias_treatment: "warning",
    },
    {
      name: "Application",
      description: "",
      allowed_values: null,
      validation_regex: "^[a-z]+$",
      applies_to: ["lambda:function", "s3:bucket"],
    },
  ],
  optional_tags: [],
  tag_naming_rules: null,
};

const spend = costData(
  { [SERVICES.ec2]: 120, [SERVICES.lambda]: 30, [SERVICES.s3]: -5, "AWS Glue": 7, Tax: 10 },
  { [SERVICES.ec2]: { web: 40, "Web ": 5, db: -2 } },
);

const arbitraryResource = fc
  .record({
    id: fc.integer({ min: 0, max: 40 }).map((n) => `r-${n}`),
    type: fc.constantFrom("ec2:instance", "ec2:volume", "lambda:function", "s3:bucket", "glue:table"),
    state: fc.constantFrom(null, "running", "stopped", "terminated"),
    tags: fc.dictionary(
      fc.constantFrom("Owner", "owner", "Environment", "Application", "Name", "skip"),
      fc.constantFrom("", "web", "prod", "production", "App", "app", "yes"),
    ),
  })
  .map(({ id, type, state, tags }) => resource({ id, type, state, tags }));

const json = (value: unknown) => JSON.stringify(value);

function gapOf(resources: Resource[], resourceTypes: "all" | string[], reuse: boolean) {
  const spread = spreadCostsDetailed({ resources, costData: spend });
  const evaluation = evaluateCompliance({ policy, resources, resourceTypes: ["all"], costs: spread.byArn });
  const nonCompliant = new Set(
    evaluation.violations.filter(countsAgainstCompliance).map((violation) => violation.resource_arn),
  );
  const compliant = resources.filter((r) => !nonCompliant.has(r.arn)).map((r) => r.arn);
  return attributionGap({
    resources,
    compliantArns: reuse ? new Set(compliant) : compliant,
    costData: spend,
    resourceTypes,
    groupBy: "resource_type",
    ...(reuse ? { spread } : {}),
  });
}

describe("resources already in ARN order", () => {
  it("is recognised only when strictly ascending", () => {
    const [a, b] = [resource({ id: "a", type: "ec2:instance" }), resource({ id: "b", type: "ec2:instance" })];
    expect(isUniqueAndSortedByArn([a, b])).toBe(true);
    expect(isUniqueAndSortedByArn([b, a])).toBe(false);
    expect(isUniqueAndSortedByArn([a, a])).toBe(false);
    expect(isUniqueAndSortedByArn([])).toBe(true);
  });

  it("dedupes to a fresh array, never the caller's own", () => {
    const list = [resource({ id: "a", type: "ec2:instance" }), resource({ id: "b", type: "ec2:instance" })];
    const unique = uniqueByArn(list);
    expect(unique).toEqual(list);
    expect(unique).not.toBe(list);
  });

  it("evaluates, spreads and gaps exactly as the long way does", () => {
    fc.assert(
      fc.property(fc.array(arbitraryResource, { maxLength: 40 }), (resources) => {
        const ordered = uniqueByArn(resources);
        expect(isUniqueAndSortedByArn(ordered)).toBe(true);
        // A repeated first resource at the end is skipped (first occurrence wins) but sends every step
        // the long way: the same resources in the same order, through the map, set and sort.
        const repeated = ordered.length > 0 ? [...ordered, ordered[0]!] : ordered;
        const costs = spreadCosts({ resources: ordered, costData: spend });
        expect(json([...spreadCosts({ resources: repeated, costData: spend })])).toBe(json([...costs]));
        for (const severity of ["all", "errors_only", "warnings_only"] as const) {
          const evaluation = json(
            evaluateCompliance({ policy, resources: ordered, resourceTypes: ["all"], severity, costs }),
          );
          for (const list of [repeated, resources])
            expect(
              json(evaluateCompliance({ policy, resources: list, resourceTypes: ["all"], severity, costs })),
            ).toBe(evaluation);
        }
        for (const types of ["all" as const, ["ec2:instance", "s3:bucket"]])
          expect(json(gapOf(repeated, types, false))).toBe(json(gapOf(ordered, types, false)));
      }),
    );
  });

  it("gives the same gap when handed the evaluation's spread, whether or not every resource is in scope", () => {
    fc.assert(
      fc.property(fc.array(arbitraryResource, { maxLength: 40 }), (resources) => {
        for (const list of [resources, uniqueByArn(resources)])
          for (const types of ["all" as const, ["ec2:instance", "s3:bucket"]])
            expect(json(gapOf(list, types, true))).toBe(json(gapOf(list, types, false)));
      }),
    );
  });
});
