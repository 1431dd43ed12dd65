import { describe, test } from "vitest";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

const STATUSES = 'Invalid option: expected one of "pending"|"connected"|"degraded"|"revoked"|"deleted"';
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

const CASES: [string, string, ExpectedError][] = [
  ["an unknown status", "status=active", bad("status", STATUSES)],
  ["an empty status", "status=", bad("status", STATUSES)],
  ["a zero limit", "limit=0", bad("limit", "Too small: expected number to be >=1")],
  ["a negative limit", "limit=-5", bad("limit", "Too small: expected number to be >=1")],
  ["a limit over 200", "limit=201", bad("limit", "Too big: expected number to be <=200")],
  ["a fractional limit", "limit=1.5", bad("limit", "Invalid input: expected int, received number")],
  ["a non-numeric limit", "limit=ten", bad("limit", "Invalid input: expected number, received NaN")],
  ["a repeated limit", "limit=1&limit=2", bad("limit", "Invalid input: expected number, received NaN")],
  [
    "a cursor that is not base64url of an id",
    "cursor=%21%21%21",
    // Refused by the shared query schema, before the service decodes it.
    {
      status: 400,
      code: "INVALID_REQUEST",
      message: "cursor: is not a cursor returned by this endpoint",
      details: fields(["cursor", "is not a cursor returned by this endpoint"]),
    },
  ],
  ["a cursor of another kind of id", `cursor=${b64("evt_01m7ydr3ma6xs8hdwnh6xca8ej")}`, badCursor],
  ["a cursor with SQL in it", `cursor=${b64("cli_x' or '1'='1")}`, badCursor],
  [
    "a too long cursor",
    `cursor=${"a".repeat(201)}`,
    bad("cursor", "Too big: expected string to have <=200 characters"),
  ],
  ["an unknown query parameter", "tenant=acme", bad("tenant", "is not an allowed field")],
];

describe("listClients errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s → the envelope", async (_name, query, expected) => {
    expectError(await harness().request("GET", `/v1/clients?${query}`), expected);
  });
});
