import { clients } from "@tagc/db";
import { describe, expect, test } from "vitest";
import type { RequestOptions } from "../../harness";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { useHarness } from "../../support/use-harness";

const VALID = { name: "Acme Two", contact_email: "two@acme.example", tier: "starter" };
const TIERS = 'Invalid option: expected one of "starter"|"professional"|"enterprise"';

const bad = (field: string, message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: ${message}`,
  details: fields([field, message]),
});
const body = (overrides: Record<string, unknown>): RequestOptions => ({ body: { ...VALID, ...overrides } });
const without = (field: keyof typeof VALID): RequestOptions => {
  const { [field]: _, ...rest } = VALID;
  return { body: rest };
};

const CASES: [string, RequestOptions, ExpectedError][] = [
  [
    "malformed JSON",
    { rawBody: '{"name": "Acme",' },
    { status: 400, code: "INVALID_REQUEST", message: "body: Malformed JSON in request body" },
  ],
  [
    "a non-JSON content type",
    { rawBody: JSON.stringify(VALID), headers: { "content-type": "text/plain" } },
    { status: 400, code: "INVALID_REQUEST", message: "body: Unsupported Media Type" },
  ],
  [
    "an oversized body",
    { rawBody: JSON.stringify({ ...VALID, name: "x".repeat(300 * 1024) }) },
    { status: 413, code: "PAYLOAD_TOO_LARGE", message: "body: larger than 256 KiB" },
  ],
  ["a JSON array", { body: [VALID] }, bad("body", "Invalid input: expected object, received array")],
  ["JSON null", { body: null }, bad("body", "Invalid input: expected object, received null")],
  ["a JSON string", { body: "Acme" }, bad("body", "Invalid input: expected object, received string")],
  ["an unknown field", body({ plan: "gold" }), bad("plan", "is not an allowed field")],
  [
    "an External ID chosen by the caller",
    body({ external_id: "A".repeat(40) }),
    bad("external_id", "is not an allowed field"),
  ],
  ["a missing name", without("name"), bad("name", "Invalid input: expected string, received undefined")],
  ["a numeric name", body({ name: 42 }), bad("name", "Invalid input: expected string, received number")],
  ["a blank name", body({ name: "   " }), bad("name", "Too small: expected string to have >=1 characters")],
  [
    "a too long name",
    body({ name: "x".repeat(201) }),
    bad("name", "Too big: expected string to have <=200 characters"),
  ],
  ["a name with a NUL", body({ name: "Acme\u0000Corp" }), bad("name", "must not contain NUL characters")],
  [
    "a missing contact email",
    without("contact_email"),
    bad("contact_email", "Invalid input: expected string, received undefined"),
  ],
  [
    "an email without @",
    body({ contact_email: "finops.acme.example" }),
    bad("contact_email", "Invalid email address"),
  ],
  [
    "an email without domain",
    body({ contact_email: "finops@" }),
    bad("contact_email", "Invalid email address"),
  ],
  [
    "an email without local part",
    body({ contact_email: "@acme.example" }),
    bad("contact_email", "Invalid email address"),
  ],
  [
    "an email with a space",
    body({ contact_email: "fin ops@acme.example" }),
    bad("contact_email", "Invalid email address"),
  ],
  [
    "a numeric email",
    body({ contact_email: 42 }),
    bad("contact_email", "Invalid input: expected string, received number"),
  ],
  ["a missing tier", without("tier"), bad("tier", TIERS)],
  ["an unknown tier", body({ tier: "gold" }), bad("tier", TIERS)],
  ["a numeric tier", body({ tier: 1 }), bad("tier", TIERS)],
  [
    "an 11-digit account id",
    body({ aws_account_id: "12345678901" }),
    bad("aws_account_id", "must be 12 digits"),
  ],
  [
    "a 13-digit account id",
    body({ aws_account_id: "1234567890123" }),
    bad("aws_account_id", "must be 12 digits"),
  ],
  [
    "an account id with a letter",
    body({ aws_account_id: "12345678901a" }),
    bad("aws_account_id", "must be 12 digits"),
  ],
  [
    "a numeric account id",
    body({ aws_account_id: 123456789012 }),
    bad("aws_account_id", "Invalid input: expected string, received number"),
  ],
  [
    "an unknown region shape",
    body({ region: "mars-1" }),
    bad("region", "must be an AWS region like us-east-1"),
  ],
  [
    "an upper-case region",
    body({ region: "US-EAST-1" }),
    bad("region", "must be an AWS region like us-east-1"),
  ],
  [
    "an empty Idempotency-Key",
    { ...body({}), headers: { "idempotency-key": "" } },
    bad("idempotency-key", "Too small: expected string to have >=1 characters"),
  ],
  [
    "a too long Idempotency-Key",
    { ...body({}), headers: { "idempotency-key": "k".repeat(201) } },
    bad("idempotency-key", "Too big: expected string to have <=200 characters"),
  ],
  [
    "several invalid fields at once",
    { body: { name: "", contact_email: "nope", tier: "gold" } },
    {
      status: 400,
      code: "INVALID_REQUEST",
      message: `name: Too small: expected string to have >=1 characters; contact_email: Invalid email address; tier: ${TIERS}`,
      details: fields(
        ["name", "Too small: expected string to have >=1 characters"],
        ["contact_email", "Invalid email address"],
        ["tier", TIERS],
      ),
    },
  ],
];

describe("registerClient errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s → the envelope, and no client is created", async (_name, options, expected) => {
    const h = harness();
    const before = (await h.db.select().from(clients)).length;
    expectError(await h.request("POST", "/v1/clients", options), expected);
    expect((await h.db.select().from(clients)).length).toBe(before);
  });

  test("an Idempotency-Key reused for another registration is refused, without the first client's data", async () => {
    const h = harness();
    // The harness registered acme under this key: a different customer must not get acme's External ID.
    const response = await h.request("POST", "/v1/clients", {
      body: { name: "Globex Two", contact_email: "two@globex.example", tier: "starter" },
      headers: { "idempotency-key": "harness-acme" },
    });
    expectError(response, {
      status: 422,
      code: "UNPROCESSABLE",
      message:
        "idempotency-key: was already used for a registration with different parameters; use a new key",
      details: { field: "idempotency-key" },
    });
    for (const leak of [h.acme.id, h.acme.externalId, h.acme.roleName, h.acme.name]) {
      expect(response.text).not.toContain(leak);
    }
  });

  test("a replay naming another AWS account is refused", async () => {
    const h = harness();
    const response = await h.request("POST", "/v1/clients", {
      body: {
        name: h.acme.name,
        contact_email: "finops@acme.example",
        tier: "professional",
        aws_account_id: h.globex.accountId,
      },
      headers: { "idempotency-key": "harness-acme" },
    });
    expect(response.status).toBe(422);
    expect(response.text).not.toContain(h.acme.externalId);
  });
});
