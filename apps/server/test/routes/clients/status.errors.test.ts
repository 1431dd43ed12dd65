import { describe, test } from "vitest";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { expectError } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

describe("getClientStatus errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("GET", `/v1/clients/${id}/status`), expected);
  });

  test("POST is not a route → 404", async () => {
    const h = harness();
    expectError(
      await h.request("POST", `/v1/clients/${h.acme.id}/status`, { body: { status: "connected" } }),
      {
        status: 404,
        code: "NOT_FOUND",
        message: `no route POST /v1/clients/${h.acme.id}/status`,
      },
    );
  });
});
