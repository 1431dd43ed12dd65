import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import { insertScratchGrant } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

interface GrantList {
  data: { id: string; key_id: string; scopes: string[]; oauth_client_id: string }[];
}

describe.each(KINDS)("listOAuthGrants (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("lists the client's grants with their key and scopes, never another client's", async () => {
    const h = harness();
    const own = await insertScratchGrant(h, h.acme.id);
    const other = await insertScratchGrant(h, h.globex.id);
    const response = await h.request<GrantList>("GET", `/v1/clients/${h.acme.id}/oauth-grants`);
    expect(response.status).toBe(200);
    const ids = response.body.data.map((grant) => grant.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(other.id);
    expect(response.body.data.find((grant) => grant.id === own.id)).toMatchObject({
      key_id: own.keyId,
      scopes: ["mcp:tools"],
      oauth_client_id: "scratch-app",
    });
  });
});
