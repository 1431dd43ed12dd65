import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { AuditList, PolicyBody } from "../../support/api-types";
import { policyRows } from "../../support/db-state";
import { anIso } from "../../support/matchers";
import { VALID_POLICY } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

describe.each(KINDS)("putPolicy (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("stores a new version, canonicalised, with its summary and no warnings", async () => {
    const h = harness();
    const response = await h.request<PolicyBody>("PUT", `/v1/clients/${h.acme.id}/policy`, {
      body: VALID_POLICY,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      version: 2,
      source: "uploaded",
      source_ref: null,
      created_at: anIso(),
      // Omitted optional members are filled in, so every stored policy has one shape.
      policy: {
        version: "1.0",
        last_updated: null,
        required_tags: [
          {
            name: "Owner",
            description: "Who answers for the resource",
            allowed_values: null,
            validation_regex: "^[^@]+@[^@]+$",
            applies_to: ["ec2:instance", "s3:bucket"],
          },
        ],
        optional_tags: [{ name: "CostCenter", description: "Chargeback", allowed_values: null }],
        tag_naming_rules: null,
      },
      summary: {
        required_tag_count: 1,
        optional_tag_count: 1,
        required_with_allowed_values: 0,
        required_with_validation_regex: 1,
        required_for_all_types: 0,
        applicable_resource_type_count: 2,
        key_matching: "exact",
        required_with_key_matching_override: 0,
        required_with_value_aliases: 0,
        exclusion_count: 0,
      },
      all_applicable_resource_types: ["ec2:instance", "s3:bucket"],
      warnings: [],
    });
  });

  test("each save is a new version; old versions are kept; the other tenant is untouched", async () => {
    const h = harness();
    const first = await h.request<PolicyBody>("PUT", `/v1/clients/${h.globex.id}/policy`, {
      body: VALID_POLICY,
    });
    const changed = { ...VALID_POLICY, optional_tags: [] };
    const second = await h.request<PolicyBody>("PUT", `/v1/clients/${h.globex.id}/policy`, { body: changed });
    expect([first.body.version, second.body.version]).toEqual([2, 3]);
    expect(second.body.policy.optional_tags).toEqual([]);
    expect((await policyRows(h, h.globex.id)).map((r) => r.version).sort()).toEqual([1, 2, 3]);
    const acmeVersions = (await policyRows(h, h.acme.id)).map((r) => r.version);
    expect(acmeVersions).not.toContain(3);
  });

  test("saving is audited", async () => {
    const h = harness();
    const saved = await h.request<PolicyBody>("PUT", `/v1/clients/${h.acme.id}/policy`, {
      body: VALID_POLICY,
    });
    const audit = await h.request<AuditList>("GET", `/v1/clients/${h.acme.id}/audit?limit=1`);
    expect(audit.body.data[0]).toMatchObject({
      operation: "policy.put",
      params: { version: saved.body.version, source: "uploaded" },
    });
  });
});
