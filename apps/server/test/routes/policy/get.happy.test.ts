import { allApplicableResourceTypes, DEFAULT_POLICY, summarizePolicy } from "@tagc/core";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { PolicyBody } from "../../support/api-types";
import { anIso } from "../../support/matchers";
import { VALID_POLICY } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

describe.each(KINDS)("getPolicy (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("a new client starts with the default policy, version 1, with its summary", async () => {
    const h = harness();
    const response = await h.request<PolicyBody>("GET", `/v1/clients/${h.globex.id}/policy`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      version: 1,
      source: "default",
      source_ref: null,
      created_at: anIso(),
      policy: DEFAULT_POLICY,
      summary: summarizePolicy(DEFAULT_POLICY),
      all_applicable_resource_types: allApplicableResourceTypes(DEFAULT_POLICY),
    });
    expect(response.body.summary).toMatchObject({ required_tag_count: 3, optional_tag_count: 2 });
  });

  test("answers the latest version, and only the tenant's own", async () => {
    const h = harness();
    const put = await h.request<PolicyBody>("PUT", `/v1/clients/${h.acme.id}/policy`, { body: VALID_POLICY });
    expect(put.status).toBe(200);
    const acme = await h.request<PolicyBody>("GET", `/v1/clients/${h.acme.id}/policy`);
    const { warnings: _warnings, ...saved } = put.body;
    expect(acme.body).toEqual(saved);
    const globex = await h.request<PolicyBody>("GET", `/v1/clients/${h.globex.id}/policy`);
    expect(globex.body).toMatchObject({ version: 1, source: "default", policy: DEFAULT_POLICY });
  });
});
