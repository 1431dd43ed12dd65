import { describe, test } from "vitest";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { expectError } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

describe("getClient errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("GET", `/v1/clients/${id}`), expected);
  });

  test("an unsupported method → 404 naming the route, not a 500", async () => {
    const h = harness();
    expectError(await h.request("PATCH", `/v1/clients/${h.acme.id}`, { body: { name: "Renamed" } }), {
      status: 404,
      code: "NOT_FOUND",
      message: `no route PATCH /v1/clients/${h.acme.id}`,
    });
  });

  test("an unknown sub-resource → 404", async () => {
    const h = harness();
    expectError(await h.request("GET", `/v1/clients/${h.acme.id}/secrets`), {
      status: 404,
      code: "NOT_FOUND",
      message: `no route GET /v1/clients/${h.acme.id}/secrets`,
    });
  });
});
