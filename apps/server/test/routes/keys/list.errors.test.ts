import { describe, expect, test } from "vitest";
import type { KeyList } from "../../support/api-types";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { expectError } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

describe("listApiKeys errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("GET", `/v1/clients/${id}/api-keys`), expected);
  });

  test("a key id is not readable on its own (no GET route), and answers no key data", async () => {
    const h = harness();
    const response = await h.request("GET", `/v1/clients/${h.acme.id}/api-keys/${h.acme.keyId}`);
    expectError(response, {
      status: 404,
      code: "NOT_FOUND",
      message: `no route GET /v1/clients/${h.acme.id}/api-keys/${h.acme.keyId}`,
    });
  });

  test("a client id in the query cannot widen the listing to another tenant", async () => {
    const h = harness();
    const response = await h.request<KeyList>(
      "GET",
      `/v1/clients/${h.acme.id}/api-keys?client_id=${h.globex.id}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data.map((k) => k.id)).not.toContain(h.globex.keyId);
  });
});
