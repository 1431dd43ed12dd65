import { describe, test } from "vitest";
import { KINDS } from "../../harness";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

const bad = (field: string, message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: ${message}`,
  details: fields([field, message]),
});
const badCursor: ExpectedError = {
  status: 400,
  code: "INVALID_REQUEST",
  message: "cursor: is not a cursor returned by this endpoint",
  details: { field: "cursor" },
};
const b64 = (text: string) => Buffer.from(text).toString("base64url");
const ID = "evt_01m7ydr3ma6xs8hdwnh6xca8ej";

// Cursors reach a Postgres cast and a row comparison, so they are checked on both kinds.
const CASES: [string, string, ExpectedError][] = [
  ["a zero limit", "limit=0", bad("limit", "Too small: expected number to be >=1")],
  ["a limit over 200", "limit=201", bad("limit", "Too big: expected number to be <=200")],
  ["a non-numeric limit", "limit=all", bad("limit", "Invalid input: expected number, received NaN")],
  [
    "a cursor that is not base64url",
    "cursor=%25%25%25",
    // Refused by the shared query schema, before the service decodes it.
    {
      status: 400,
      code: "INVALID_REQUEST",
      message: "cursor: is not a cursor returned by this endpoint",
      details: fields(["cursor", "is not a cursor returned by this endpoint"]),
    },
  ],
  ["a cursor without an id", `cursor=${b64("2026-11-21T12:00:00.000000Z|")}`, badCursor],
  ["a cursor with millisecond precision", `cursor=${b64(`2026-11-21T12:00:00.000Z|${ID}`)}`, badCursor],
  ["a cursor with an impossible date", `cursor=${b64(`2026-99-99T99:00:00.000000Z|${ID}`)}`, badCursor],
  ["a cursor on February 30", `cursor=${b64(`2026-02-30T00:00:00.000000Z|${ID}`)}`, badCursor],
  ["a cursor with a NUL in its id", `cursor=${b64("2026-11-21T12:00:00.000000Z|evt_a\u0000b")}`, badCursor],
  ["a cursor with SQL in its id", `cursor=${b64("2026-11-21T12:00:00.000000Z|evt_x' or '1'='1")}`, badCursor],
  ["a client-list cursor", `cursor=${b64("cli_01m7ydr3ma6xs8hdwnh6xca8ej")}`, badCursor],
  [
    "a too long cursor",
    `cursor=${"c".repeat(501)}`,
    bad("cursor", "Too big: expected string to have <=500 characters"),
  ],
  ["an unknown query parameter", "actor=admin", bad("actor", "is not an allowed field")],
];

describe.each(KINDS)("listAuditEvents errors (%s)", (kind) => {
  const harness = useHarness({ kind });

  test.each(CASES)("%s → the envelope", async (_name, query, expected) => {
    const h = harness();
    expectError(await h.request("GET", `/v1/clients/${h.acme.id}/audit?${query}`), expected);
  });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("GET", `/v1/clients/${id}/audit`), expected);
  });
});
