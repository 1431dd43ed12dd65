import { describe, expect, test } from "vitest";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { snapshotDatabase } from "../../support/db-state";
import { type ExpectedError, expectError, fields, notFoundKey } from "../../support/expect-error";
import { UNKNOWN_KEY_ID } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const KEY_ID_CASES: [string, string, ExpectedError][] = [
  ["an unknown key id", UNKNOWN_KEY_ID, notFoundKey(UNKNOWN_KEY_ID)],
  [
    "a client id in place of a key id",
    "cli_00000000000000000000000000",
    notFoundKey("cli_00000000000000000000000000"),
  ],
  ["a key id with SQL in it", "key_x'%20or%20'1'='1", notFoundKey("key_x' or '1'='1")],
  [
    "a key id with a NUL in it",
    "key_abc%00def",
    {
      status: 400,
      code: "INVALID_REQUEST",
      message: "keyId: must not contain NUL characters",
      details: fields(["keyId", "must not contain NUL characters"]),
    },
  ],
];

describe("revokeApiKey errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(KEY_ID_CASES)("%s → the envelope, and nothing is revoked", async (_name, keyId, expected) => {
    const h = harness();
    const before = await snapshotDatabase(h);
    expectError(await h.request("DELETE", `/v1/clients/${h.acme.id}/api-keys/${keyId}`), expected);
    expect(await snapshotDatabase(h)).toEqual(before);
  });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    const h = harness();
    expectError(await h.request("DELETE", `/v1/clients/${id}/api-keys/${h.acme.keyId}`), expected);
  });

  test("DELETE on the key collection is not a route", async () => {
    const h = harness();
    expectError(await h.request("DELETE", `/v1/clients/${h.acme.id}/api-keys`), {
      status: 404,
      code: "NOT_FOUND",
      message: `no route DELETE /v1/clients/${h.acme.id}/api-keys`,
    });
  });
});
