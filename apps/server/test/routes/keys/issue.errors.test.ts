import { apiKeys } from "@tagc/db";
import { describe, expect, test } from "vitest";
import type { RequestOptions } from "../../harness";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

const SCOPES = 'Invalid option: expected one of "mcp:tools"|"mcp:read"';
const bad = (field: string, message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: ${message}`,
  details: fields([field, message]),
});
const body = (value: Record<string, unknown>): RequestOptions => ({ body: { name: "k", ...value } });

const CASES: [string, RequestOptions, ExpectedError][] = [
  [
    "malformed JSON",
    { rawBody: "{name: k}" },
    { status: 400, code: "INVALID_REQUEST", message: "body: Malformed JSON in request body" },
  ],
  [
    "a non-JSON content type",
    { rawBody: "name=k", headers: { "content-type": "text/plain" } },
    { status: 400, code: "INVALID_REQUEST", message: "body: Unsupported Media Type" },
  ],
  [
    "an oversized body",
    { rawBody: JSON.stringify({ name: "k".repeat(257 * 1024) }) },
    { status: 413, code: "PAYLOAD_TOO_LARGE", message: "body: larger than 256 KiB" },
  ],
  ["no body", {}, bad("name", "Invalid input: expected string, received undefined")],
  ["a JSON array", { body: ["k"] }, bad("body", "Invalid input: expected object, received array")],
  [
    "a missing name",
    { body: { scopes: ["mcp:tools"] } },
    bad("name", "Invalid input: expected string, received undefined"),
  ],
  ["a numeric name", { body: { name: 7 } }, bad("name", "Invalid input: expected string, received number")],
  ["an empty name", { body: { name: "" } }, bad("name", "Too small: expected string to have >=1 characters")],
  [
    "a too long name",
    { body: { name: "k".repeat(101) } },
    bad("name", "Too big: expected string to have <=100 characters"),
  ],
  ["a name with a NUL", { body: { name: "k\u0000" } }, bad("name", "must not contain NUL characters")],
  ["an unknown field", body({ client_id: "cli_x" }), bad("client_id", "is not an allowed field")],
  [
    "a secret chosen by the caller",
    body({ secret: "tagc_live_x" }),
    bad("secret", "is not an allowed field"),
  ],
  ["an unknown scope", body({ scopes: ["admin"] }), bad("scopes.0", SCOPES)],
  ["no scope", body({ scopes: [] }), bad("scopes", "Too small: expected array to have >=1 items")],
  [
    "three scopes",
    body({ scopes: ["mcp:tools", "mcp:read", "mcp:tools"] }),
    bad("scopes", "Too big: expected array to have <=2 items"),
  ],
  [
    "a numeric expiry",
    body({ expires_at: 1893456000 }),
    bad("expires_at", "Invalid input: expected string, received number"),
  ],
  ["a date without a time", body({ expires_at: "2030-01-01" }), bad("expires_at", "Invalid ISO datetime")],
  [
    "an impossible date",
    body({ expires_at: "2030-13-45T00:00:00Z" }),
    bad("expires_at", "Invalid ISO datetime"),
  ],
  [
    "an expiry in the past",
    body({ expires_at: "2020-01-01T00:00:00Z" }),
    {
      status: 400,
      code: "INVALID_REQUEST",
      message: "expires_at: must be a future ISO-8601 date-time",
      details: { field: "expires_at" },
    },
  ],
];

describe("issueApiKey errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s → the envelope, and no key is issued", async (_name, options, expected) => {
    const h = harness();
    const before = (await h.db.select().from(apiKeys)).length;
    expectError(await h.request("POST", `/v1/clients/${h.acme.id}/api-keys`, options), expected);
    expect((await h.db.select().from(apiKeys)).length).toBe(before);
  });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(
      await harness().request("POST", `/v1/clients/${id}/api-keys`, { body: { name: "k" } }),
      expected,
    );
  });
});
