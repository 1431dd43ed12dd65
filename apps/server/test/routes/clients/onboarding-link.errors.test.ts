import { describe, expect, test } from "vitest";
import type { RequestOptions } from "../../harness";
import { snapshotDatabase } from "../../support/db-state";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { registerScratchClient } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const hours = (message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `expires_in_hours: ${message}`,
  details: fields(["expires_in_hours", message]),
});

const CASES: [string, RequestOptions, ExpectedError][] = [
  ["zero hours", { body: { expires_in_hours: 0 } }, hours("Too small: expected number to be >=1")],
  ["more than a week", { body: { expires_in_hours: 169 } }, hours("Too big: expected number to be <=168")],
  ["a fraction", { body: { expires_in_hours: 1.5 } }, hours("Invalid input: expected int, received number")],
  [
    "a string",
    { body: { expires_in_hours: "72" } },
    hours("Invalid input: expected number, received string"),
  ],
  [
    "an unknown field",
    { body: { expires_in_hours: 2, client_id: "cli_other" } },
    {
      status: 400,
      code: "INVALID_REQUEST",
      message: "client_id: is not an allowed field",
      details: fields(["client_id", "is not an allowed field"]),
    },
  ],
  [
    "malformed JSON",
    { rawBody: '{"expires_in_hours": ' },
    { status: 400, code: "INVALID_REQUEST", message: "body: Malformed JSON in request body" },
  ],
];

describe("createOnboardingLink errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s is refused naming the field, and writes nothing", async (_name, options, expected) => {
    const h = harness();
    const before = await snapshotDatabase(h);
    const response = await h.request("POST", `/v1/clients/${h.acme.id}/onboarding-link`, options);
    expectError(response, expected);
    expect(await snapshotDatabase(h)).toEqual(before);
  });

  test("an offboarded client gets no link (409)", async () => {
    const h = harness();
    const scratch = await registerScratchClient(h);
    expect((await h.request("DELETE", `/v1/clients/${scratch.client.id}`)).status).toBe(200);
    const response = await h.request("POST", `/v1/clients/${scratch.client.id}/onboarding-link`, {
      body: {},
    });
    expectError(response, {
      status: 409,
      code: "CONFLICT",
      message: `client ${scratch.client.id} is deleted`,
    });
  });
});
