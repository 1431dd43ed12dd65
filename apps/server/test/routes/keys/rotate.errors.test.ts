import { describe, expect, test } from "vitest";
import { KINDS, type RequestOptions } from "../../harness";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { snapshotDatabase } from "../../support/db-state";
import { type ExpectedError, expectError, fields, notFoundKey } from "../../support/expect-error";
import { issueScratchKey, UNKNOWN_KEY_ID } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const bad = (field: string, message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: ${message}`,
  details: fields([field, message]),
});

const CASES: [string, RequestOptions, ExpectedError][] = [
  [
    "malformed JSON",
    { rawBody: "{overlap_seconds: 1}" },
    { status: 400, code: "INVALID_REQUEST", message: "body: Malformed JSON in request body" },
  ],
  [
    "a non-JSON content type",
    { rawBody: "overlap_seconds=1", headers: { "content-type": "text/plain" } },
    { status: 400, code: "INVALID_REQUEST", message: "body: Unsupported Media Type" },
  ],
  [
    "an oversized body",
    { rawBody: `{"overlap_seconds": 1, "pad": "${"p".repeat(300 * 1024)}"}` },
    { status: 413, code: "PAYLOAD_TOO_LARGE", message: "body: larger than 256 KiB" },
  ],
  ["a JSON array", { body: [60] }, bad("body", "Invalid input: expected object, received array")],
  [
    "an unknown field",
    { body: { overlap_seconds: 60, keep_old: true } },
    bad("keep_old", "is not an allowed field"),
  ],
  [
    "a string overlap",
    { body: { overlap_seconds: "60" } },
    bad("overlap_seconds", "Invalid input: expected number, received string"),
  ],
  [
    "a negative overlap",
    { body: { overlap_seconds: -1 } },
    bad("overlap_seconds", "Too small: expected number to be >=0"),
  ],
  [
    "a fractional overlap",
    { body: { overlap_seconds: 1.5 } },
    bad("overlap_seconds", "Invalid input: expected int, received number"),
  ],
  [
    "an overlap over seven days",
    { body: { overlap_seconds: 7 * 86_400 + 1 } },
    bad("overlap_seconds", "Too big: expected number to be <=604800"),
  ],
];

describe("rotateApiKey errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s → the envelope, and nothing rotates", async (_name, options, expected) => {
    const h = harness();
    const before = await snapshotDatabase(h);
    expectError(
      await h.request("POST", `/v1/clients/${h.acme.id}/api-keys/${h.acme.keyId}/rotate`, options),
      expected,
    );
    expect(await snapshotDatabase(h)).toEqual(before);
  });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    const h = harness();
    expectError(await h.request("POST", `/v1/clients/${id}/api-keys/${h.acme.keyId}/rotate`), expected);
  });

  test("an unknown key id → 404", async () => {
    const h = harness();
    expectError(
      await h.request("POST", `/v1/clients/${h.acme.id}/api-keys/${UNKNOWN_KEY_ID}/rotate`),
      notFoundKey(UNKNOWN_KEY_ID),
    );
  });
});

// Key states live in the database: checked on both kinds.
describe.each(KINDS)("rotateApiKey state conflicts (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("a revoked key cannot be rotated (409)", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.acme.id);
    await h.request("DELETE", `/v1/clients/${h.acme.id}/api-keys/${key.id}`);
    expectError(await h.request("POST", `/v1/clients/${h.acme.id}/api-keys/${key.id}/rotate`), {
      status: 409,
      code: "CONFLICT",
      message: `api key ${key.id} is revoked and cannot be rotated`,
    });
  });

  test("a key already in rotation cannot be rotated again (409), so one secret never forks into two", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.acme.id);
    expect((await h.request("POST", `/v1/clients/${h.acme.id}/api-keys/${key.id}/rotate`)).status).toBe(201);
    expectError(await h.request("POST", `/v1/clients/${h.acme.id}/api-keys/${key.id}/rotate`), {
      status: 409,
      code: "CONFLICT",
      message: `api key ${key.id} is rotating and cannot be rotated`,
    });
  });

  test("an expired key cannot be rotated (409)", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.acme.id, {
      expires_at: new Date(Date.now() + 1500).toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expectError(await h.request("POST", `/v1/clients/${h.acme.id}/api-keys/${key.id}/rotate`), {
      status: 409,
      code: "CONFLICT",
      message: `api key ${key.id} is expired and cannot be rotated`,
    });
  });
});
