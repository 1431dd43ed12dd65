// Remediation for the issue 11 kinds: an alias is replaced by its preferred value, and a key found in
// another case is written under the policy's key with its own value (and the hint says to remove it).
import { describe, expect, it } from "vitest";
import { changeHint } from "../../src/export/remediation-hints";
import { planRemediation } from "../../src/export/remediation-plan";
import { violation } from "../report/violations";

describe("remediation for aliases and mismatched keys", () => {
  it("uses the preferred value and the found key's value, never the first allowed value", () => {
    const [entry] = planRemediation([
      violation({
        resource_id: "i-1",
        tag_name: "Environment",
        violation_type: "aliased_value",
        current_value: "Prod",
        preferred_value: "production",
        allowed_values: ["staging", "production"],
      }),
      violation({
        resource_id: "i-1",
        tag_name: "Owner",
        violation_type: "key_case_mismatch",
        current_value: "ops@x.io",
        found_key: "owner",
        allowed_values: null,
      }),
    ]);
    expect(entry?.changes.map((c) => [c.tag, c.value, c.value_source])).toEqual([
      ["Environment", "production", "preferred_value"],
      ["Owner", "ops@x.io", "found_key_value"],
    ]);
    expect(entry?.changes.map(changeHint)).toEqual([
      'Environment: "Prod" is an alias; use "production".',
      'Owner: the key is written "owner"; AWS keys are case-sensitive, so set "Owner" and then remove "owner" (aws resourcegroupstaggingapi untag-resources).',
    ]);
  });
});
