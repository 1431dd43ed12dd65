import { liveOAuthGrant } from "@tagc/services";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { AuditList } from "../../support/api-types";
import { insertScratchGrant } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

describe.each(KINDS)("revokeOAuthGrant (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("the grant is gone at once (the resource server's next lookup fails) and the revocation is audited", async () => {
    const h = harness();
    const grant = await insertScratchGrant(h, h.acme.id);
    expect(await liveOAuthGrant(h.db, grant.id, new Date())).toBeDefined();
    const response = await h.request("DELETE", `/v1/clients/${h.acme.id}/oauth-grants/${grant.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: grant.id, revoked: true });
    expect(await liveOAuthGrant(h.db, grant.id, new Date())).toBeUndefined();
    const audit = await h.request<AuditList>("GET", `/v1/clients/${h.acme.id}/audit?limit=1`);
    expect(audit.body.data[0]).toMatchObject({
      operation: "oauth_grants.revoke",
      params: { grant_id: grant.id },
    });
  });

  test("another client's grant, or an unknown one, is not found and stays live", async () => {
    const h = harness();
    const other = await insertScratchGrant(h, h.globex.id);
    for (const id of [other.id, "grant-unknown"]) {
      const response = await h.request<{ error: { code: string } }>(
        "DELETE",
        `/v1/clients/${h.acme.id}/oauth-grants/${id}`,
      );
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("NOT_FOUND");
    }
    expect(await liveOAuthGrant(h.db, other.id, new Date())).toBeDefined();
  });
});
