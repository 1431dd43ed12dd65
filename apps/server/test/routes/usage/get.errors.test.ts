import { describe, test } from "vitest";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

const bad = (field: string, message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: ${message}`,
  details: fields([field, message]),
});
const PERIOD = bad("period", "must be YYYY-MM");

const CASES: [string, string, ExpectedError][] = [
  ["month 13", "period=2026-13", PERIOD],
  ["month 00", "period=2026-00", PERIOD],
  ["a one-digit month", "period=2026-1", PERIOD],
  ["a two-digit year", "period=26-11", PERIOD],
  ["a full date", "period=2026-11-01", PERIOD],
  ["words", "period=last-month", PERIOD],
  ["an empty period", "period=", PERIOD],
  [
    "a repeated period",
    "period=2026-10&period=2026-11",
    bad("period", "Invalid input: expected string, received array"),
  ],
  ["an unknown query parameter", "client_id=cli_other", bad("client_id", "is not an allowed field")],
];

describe("getUsage errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s → the envelope", async (_name, query, expected) => {
    const h = harness();
    expectError(await h.request("GET", `/v1/clients/${h.acme.id}/usage?${query}`), expected);
  });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("GET", `/v1/clients/${id}/usage`), expected);
  });
});
