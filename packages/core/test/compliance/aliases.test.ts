// value_aliases: a known alias is reported as aliased_value with the value to use. Under
// alias_treatment "warning" (default) the resource stays compliant; under "violation" it does not.
import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "../../src/compliance/score";
import { validateResource } from "../../src/compliance/validate";
import type { AliasTreatment, TaggingPolicy } from "../../src/policy/types";
import { resource } from "./resource";

const policy = (
  alias_treatment?: AliasTreatment,
  allowed: string[] | null = ["production", "staging"],
): TaggingPolicy => ({
  version: "1",
  required_tags: [
    {
      name: "Environment",
      description: "",
      allowed_values: allowed,
      value_aliases: { production: ["Prod", "PROD", "prd"] },
      ...(alias_treatment ? { alias_treatment } : {}),
    },
  ],
  optional_tags: [],
});
const tagged = (id: string, value: string) => resource(id, { tags: { Environment: value } });

describe("value_aliases", () => {
  it("reports an alias with the preferred value, as an advisory warning by default", () => {
    expect(validateResource(tagged("i-1", "Prod"), policy())).toEqual([
      expect.objectContaining({
        violation_type: "aliased_value",
        severity: "warning",
        advisory: true,
        current_value: "Prod",
        preferred_value: "production",
        message: "use `production` instead of `Prod`",
      }),
    ]);
  });

  it("matches aliases exactly: an unlisted spelling stays invalid_value", () => {
    const [violation] = validateResource(tagged("i-1", "prod"), policy());
    expect(violation?.violation_type).toBe("invalid_value");
  });

  it("leaves an allowed value alone", () => {
    expect(validateResource(tagged("i-1", "production"), policy())).toEqual([]);
  });

  it("reports an alias even when the tag has no allowed list", () => {
    const [violation] = validateResource(tagged("i-1", "prd"), policy(undefined, null));
    expect(violation).toMatchObject({ violation_type: "aliased_value", preferred_value: "production" });
  });

  it("scores an alias as compliant under warning and non-compliant under violation", () => {
    const resources = [tagged("i-1", "Prod"), tagged("i-2", "production")];
    const warn = evaluateCompliance({
      policy: policy("warning"),
      resources,
      resourceTypes: ["ec2:instance"],
    });
    expect(warn).toMatchObject({ compliant_resources: 2, compliance_score: 1 });
    expect(warn.by_region["us-east-1"]).toMatchObject({ compliant: 2, violations: 1 });
    expect(warn.violations).toHaveLength(1);
    const strict = evaluateCompliance({
      policy: policy("violation"),
      resources,
      resourceTypes: ["ec2:instance"],
    });
    expect(strict).toMatchObject({ compliant_resources: 1, compliance_score: 0.5 });
    expect(strict.violations[0]).toMatchObject({ severity: "error", advisory: false });
  });
});
