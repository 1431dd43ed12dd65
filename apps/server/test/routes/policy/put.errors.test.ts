import { describe, expect, test } from "vitest";
import type { RequestOptions } from "../../harness";
import { CLIENT_ID_CASES } from "../../support/client-id-cases";
import { policyRows } from "../../support/db-state";
import { type ExpectedError, expectError, fields } from "../../support/expect-error";
import { VALID_POLICY } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const OWNER = { name: "Owner", description: "Who answers for it", applies_to: ["ec2:instance"] };
const policy = (requiredTags: unknown[], extra: Record<string, unknown> = {}): RequestOptions => ({
  body: { version: "1.0", required_tags: requiredTags, optional_tags: [], ...extra },
});
/** The policy validator names the offending entry, in the message and in details. */
const invalid = (...issues: [path: string, message: string][]): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `policy is invalid: ${issues.map(([path, message]) => `${path}: ${message}`).join("; ")}`,
  details: {
    field: `policy.${issues[0]?.[0]}`,
    issues: issues.map(([path, message]) => ({ path, message })),
  },
});
const bad = (field: string, message: string): ExpectedError => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: ${message}`,
  details: fields([field, message]),
});

const CASES: [string, RequestOptions, ExpectedError][] = [
  [
    "malformed JSON",
    { rawBody: '{"version": "1.0", "required_tags": [' },
    { status: 400, code: "INVALID_REQUEST", message: "body: Malformed JSON in request body" },
  ],
  [
    "a YAML body",
    { rawBody: "version: '1.0'\nrequired_tags: []\n", headers: { "content-type": "application/x-yaml" } },
    { status: 400, code: "INVALID_REQUEST", message: "body: Unsupported Media Type" },
  ],
  [
    "an oversized body",
    policy(
      Array.from({ length: 2000 }, (_, i) => ({ ...OWNER, name: `Tag${i}`, description: "d".repeat(150) })),
    ),
    { status: 413, code: "PAYLOAD_TOO_LARGE", message: "body: larger than 256 KiB" },
  ],
  ["a JSON array", { body: [VALID_POLICY] }, bad("body", "Invalid input: expected record, received array")],
  ["a JSON string", { body: "version: 1.0" }, bad("body", "Invalid input: expected record, received string")],
  [
    "an empty object",
    { body: {} },
    invalid(
      ["version", "version is required"],
      ["required_tags", "Invalid input: expected array, received undefined"],
    ),
  ],
  [
    "required_tags not a list",
    policy("Owner" as never),
    invalid(["required_tags", "Invalid input: expected array, received string"]),
  ],
  [
    "an unknown resource type",
    policy([{ ...OWNER, applies_to: ["ec2:instance", "ec2:nonsense"] }]),
    invalid([
      "required_tags[0].applies_to[1]",
      "ec2:nonsense is not a known resource type; known ec2 types: ec2:instance, ec2:volume, ec2:elastic-ip, ec2:snapshot, ec2:natgateway, ec2:vpc-endpoint",
    ]),
  ],
  [
    "a free resource type",
    policy([{ ...OWNER, applies_to: ["ec2:vpc"] }]),
    invalid([
      "required_tags[0].applies_to[0]",
      "ec2:vpc is a free resource type (no direct cost) and is never scanned; remove it from applies_to",
    ]),
  ],
  [
    "an invalid regex",
    policy([OWNER, { name: "Email", description: "e", validation_regex: "([a-z]+" }]),
    invalid(["required_tags[1].validation_regex", "invalid validation_regex: Unterminated group"]),
  ],
  [
    "a missing description",
    policy([{ name: "Owner" }]),
    invalid(["required_tags[0].description", "description is required"]),
  ],
  [
    "a duplicate required tag",
    policy([OWNER, { ...OWNER }]),
    invalid(["required_tags[1].name", 'duplicate required tag "Owner" (already required_tags[0])']),
  ],
  [
    "an unknown top-level field",
    policy([OWNER], { owner: "me" }),
    invalid(["owner", 'unknown field "owner"']),
  ],
  [
    "a misspelt entry field",
    policy([{ ...OWNER, "applies-to": ["s3:bucket"] }]),
    invalid(["required_tags[0].applies-to", 'unknown field "applies-to"']),
  ],
  [
    "a NUL in a description",
    policy([{ ...OWNER, description: "owner\u0000" }]),
    bad("required_tags.0.description", "must not contain NUL characters"),
  ],
];

describe("putPolicy errors (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each(CASES)("%s → the envelope, and no version is stored", async (_name, options, expected) => {
    const h = harness();
    const before = (await policyRows(h, h.acme.id)).length;
    expectError(await h.request("PUT", `/v1/clients/${h.acme.id}/policy`, options), expected);
    expect((await policyRows(h, h.acme.id)).length).toBe(before);
  });

  test.each(CLIENT_ID_CASES)("%s → the envelope", async (_name, id, expected) => {
    expectError(await harness().request("PUT", `/v1/clients/${id}/policy`, { body: VALID_POLICY }), expected);
  });
});
