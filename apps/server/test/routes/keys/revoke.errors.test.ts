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
  // Path ids are checked by charset and length before any query (schemas/common.ts pathId).
  ...["key_x'%20or%20'1'='1", "key_abc%00def", `key_${"a".repeat(61)}`].map(
    (keyId): [string, string, ExpectedError] => [
      `a malformed key id (${keyId.slice(0, 12)}…)`,
      keyId,
      {
        status: 400,
        code: "INVALID_REQUEST",
        message: "keyId: must be 1-64 letters, digits, _ or -",
        details: fields(["keyId", "must be 1-64 letters, digits, _ or -"]),
      },
    ],
  ),
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
