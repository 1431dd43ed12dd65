import { describe, test } from "vitest";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { expectError } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

describe("getPolicy errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("GET", `/v1/clients/${id}/policy`), expected);
  });

  test("a version path is not a route", async () => {
    const h = harness();
    expectError(await h.request("GET", `/v1/clients/${h.acme.id}/policy/1`), {
      status: 404,
      code: "NOT_FOUND",
      message: `no route GET /v1/clients/${h.acme.id}/policy/1`,
    });
  });
});
