import { fixFor } from "@tagc/services";
import { describe, expect, test } from "vitest";
import type { RequestOptions } from "../../harness";
import type { Registration } from "../../support/api-types";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { snapshotDatabase } from "../../support/db-state";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { registerScratchClient } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const bad = (field: string, message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: ${message}`,
  details: fields([field, message]),
});
const badArn: ExpectedError = {
  status: 400,
  code: "INVALID_REQUEST",
  message: "role_arn: must be an IAM role ARN like arn:aws:iam::123456789012:role/Name",
  details: { field: "role_arn" },
};

const CASES: [string, RequestOptions, ExpectedError][] = [
  [
    "malformed JSON",
    { rawBody: '{"role_arn": ' },
    { status: 400, code: "INVALID_REQUEST", message: "body: Malformed JSON in request body" },
  ],
  [
    "a non-JSON content type",
    { rawBody: "role_arn=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
    { status: 400, code: "INVALID_REQUEST", message: "body: Unsupported Media Type" },
  ],
  [
    "an oversized body",
    { rawBody: JSON.stringify({ role_arn: "a".repeat(300 * 1024) }) },
    { status: 413, code: "PAYLOAD_TOO_LARGE", message: "body: larger than 256 KiB" },
  ],
  ["a JSON array", { body: [] }, bad("body", "Invalid input: expected object, received array")],
  ["an unknown field", { body: { external_id: "x" } }, bad("external_id", "is not an allowed field")],
  [
    "a numeric role ARN",
    { body: { role_arn: 42 } },
    bad("role_arn", "Invalid input: expected string, received number"),
  ],
  [
    "a too long role ARN",
    { body: { role_arn: `arn:aws:iam::222222222222:role/${"r".repeat(2048)}` } },
    bad("role_arn", "Too big: expected string to have <=2048 characters"),
  ],
  ["a role ARN that is not one", { body: { role_arn: "TagComplianceReadOnly" } }, badArn],
  ["a user ARN", { body: { role_arn: "arn:aws:iam::222222222222:user/admin" } }, badArn],
  ["a role ARN with a NUL", { body: { role_arn: "arn:aws:iam::222222222222:role/R\u0000" } }, badArn],
];

describe("verifyClient errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s → the envelope, and nothing changes", async (_name, options, expected) => {
    const h = harness();
    const before = await snapshotDatabase(h);
    expectError(await h.request("POST", `/v1/clients/${h.acme.id}/verify`, options), expected);
    expect(await snapshotDatabase(h)).toEqual(before);
  });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("POST", `/v1/clients/${id}/verify`), expected);
  });

  test("a role ARN in another account than the registered one", async () => {
    const h = harness();
    expectError(
      await h.request("POST", `/v1/clients/${h.acme.id}/verify`, {
        body: { role_arn: `arn:aws:iam::${h.globex.accountId}:role/${h.globex.roleName}` },
      }),
      {
        status: 400,
        code: "INVALID_REQUEST",
        message:
          "role_arn: belongs to account 333333333333, but the client is registered for account 222222222222",
        details: { field: "role_arn" },
      },
    );
  });

  test("no account id and no role ARN: which one to pass, and why", async () => {
    const h = harness();
    const registration: Registration = await registerScratchClient(h);
    expectError(await h.request("POST", `/v1/clients/${registration.client.id}/verify`), {
      status: 400,
      code: "INVALID_REQUEST",
      message: "role_arn: is required: the client was registered without an AWS account id",
      details: { field: "role_arn", fix: fixFor("ROLE_ARN_REQUIRED") },
    });
  });

  test("a deleted client → 409", async () => {
    const h = harness();
    const registration = await registerScratchClient(h);
    expect((await h.request("DELETE", `/v1/clients/${registration.client.id}`)).status).toBe(200);
    expectError(await h.request("POST", `/v1/clients/${registration.client.id}/verify`), {
      status: 409,
      code: "CONFLICT",
      message: `client ${registration.client.id} is deleted`,
    });
  });
});
