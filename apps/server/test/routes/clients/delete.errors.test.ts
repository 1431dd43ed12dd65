import { describe, expect, test } from "vitest";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { snapshotDatabase } from "../../support/db-state";
import { expectError } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

describe("deleteClient errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CLIENT_ID_CASES)("%s → the envelope, and nothing is deleted", async (_name, id, expected) => {
    const h = harness();
    const before = await snapshotDatabase(h);
    expectError(await h.request("DELETE", `/v1/clients/${id}`), expected);
    expect(await snapshotDatabase(h)).toEqual(before);
  });

  test("DELETE on the collection is not a route", async () => {
    const h = harness();
    const before = await snapshotDatabase(h);
    expectError(await h.request("DELETE", "/v1/clients"), {
      status: 404,
      code: "NOT_FOUND",
      message: "no route DELETE /v1/clients",
    });
    expect(await snapshotDatabase(h)).toEqual(before);
  });
});
