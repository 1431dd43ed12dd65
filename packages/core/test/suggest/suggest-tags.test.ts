import { describe, expect, it } from "vitest";
import type { Resource } from "../../src/model";
import type { RequiredTag, TaggingPolicy } from "../../src/policy/types";
import { suggestTags } from "../../src/suggest/suggest-tags";

const ENV: RequiredTag = {
  name: "Environment",
  description: "env",
  allowed_values: ["production", "staging", "development", "test"],
};
const policyOf = (...required: RequiredTag[]): TaggingPolicy => ({
  version: "1",
  required_tags: required,
  optional_tags: [],
});
const POLICY = policyOf(ENV, { name: "Application", description: "app" });

let counter = 0;
function instance(tags: Record<string, string> = {}, over: Partial<Resource> = {}): Resource {
  counter += 1;
  const id = `i-0${counter.toString().padStart(16, "0")}`;
  return {
    arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`,
    id,
    type: "ec2:instance",
    region: "us-east-1",
    account_id: "111111111111",
    tags,
    ...over,
  };
}
const suggestionFor = (resource: Resource, tag: string, policy = POLICY, similar: Resource[] = []) =>
  suggestTags({ resource, policy, similar }).suggestions.find((s) => s.tag === tag);

describe("suggestTags: name patterns", () => {
  it.each([
    ["web-prod-01", "production"],
    ["PRD-api", "production"],
    ["checkout production", "production"],
    ["ProdDB", "production"],
    ["live-site", "production"],
    ["api-stg", "staging"],
    ["api-staging", "staging"],
    ["api-pre-prod", "staging"],
    ["uat_portal", "staging"],
    ["dev-box", "development"],
    ["sandbox42", "development"],
    ["qa-runner", "test"],
    ["load-test", "test"],
  ])("reads %s from the Name tag as %s (0.75)", (name, value) => {
    expect(suggestionFor(instance({ Name: name }), "Environment")).toEqual({
      tag: "Environment",
      value,
      confidence: 0.75,
      reasoning: expect.stringContaining(`Name tag "${name}" contains the word`),
      strategy: "name_pattern",
    });
  });

  it.each(["product-catalog", "devops-tools", "prodigy", "contest-entries", "preproduction"])(
    "matches whole words only: %s suggests no Environment",
    (name) => {
      expect(suggestionFor(instance({ Name: name }), "Environment")).toBeUndefined();
    },
  );

  it("gives up on a name that names two environments rather than guess", () => {
    expect(suggestionFor(instance({ Name: "prod-to-dev-sync" }), "Environment")).toBeUndefined();
  });

  it("prefers the Name tag (0.75) over the ARN (0.65), and uses the ARN when the name says nothing", () => {
    const lambda = (name: string | undefined): Resource => ({
      arn: "arn:aws:lambda:eu-west-1:111111111111:function:orders-prod",
      id: "orders-prod",
      type: "lambda:function",
      region: "eu-west-1",
      account_id: "111111111111",
      tags: name ? { Name: name } : {},
    });
    expect(suggestionFor(lambda("orders-dev"), "Environment")).toMatchObject({
      value: "development",
      confidence: 0.75,
    });
    expect(suggestionFor(lambda("orders"), "Environment")).toMatchObject({
      value: "production",
      confidence: 0.65,
      reasoning:
        'ARN resource "function:orders-prod" contains the word "prod", which means Environment=production',
    });
  });

  it("works for S3 buckets, whose only name is in the ARN", () => {
    const bucket: Resource = {
      arn: "arn:aws:s3:::acme-staging-assets",
      id: "acme-staging-assets",
      type: "s3:bucket",
      region: "global",
      account_id: "111111111111",
      tags: {},
    };
    expect(suggestTags({ resource: bucket, policy: POLICY, similar: [] })).toEqual({
      resource_arn: bucket.arn,
      current_tags: {},
      suggestions: [
        {
          tag: "Environment",
          value: "staging",
          confidence: 0.65,
          reasoning:
            'ARN resource "acme-staging-assets" contains the word "staging", which means Environment=staging',
          strategy: "name_pattern",
        },
        {
          tag: "Application",
          value: "acme-assets",
          confidence: 0.6,
          reasoning:
            'resource name "acme-staging-assets" without environment words, numbers and region fragments reads "acme-assets"',
          strategy: "inference",
        },
      ],
    });
  });

  it("suggests in the policy's spelling and drops a value the policy does not allow", () => {
    const policy = policyOf({ name: "Environment", description: "env", allowed_values: ["Prod", "Dev"] });
    expect(suggestionFor(instance({ Name: "web-production" }), "Environment", policy)?.value).toBe("Prod");
    expect(suggestionFor(instance({ Name: "web-staging" }), "Environment", policy)).toBeUndefined();
  });

  it("suggests the canonical word when the tag has no allowed values", () => {
    const policy = policyOf({ name: "environment", description: "env" });
    expect(suggestionFor(instance({ Name: "api-prd" }), "environment", policy)?.value).toBe("production");
  });

  it("covers CostCenter and DataClassification, including allowed values the table does not know", () => {
    const policy = policyOf(
      { name: "CostCenter", description: "cc", allowed_values: ["Engineering", "Research"] },
      { name: "DataClassification", description: "dc", allowed_values: ["public", "confidential"] },
    );
    const build = instance({ Name: "eng-build-runner" });
    expect(suggestionFor(build, "CostCenter", policy)).toMatchObject({
      value: "Engineering",
      confidence: 0.75,
    });
    expect(suggestionFor(instance({ Name: "research-gpu-2" }), "CostCenter", policy)?.value).toBe("Research");
    expect(
      suggestionFor(instance({ Name: "confidential-exports" }), "DataClassification", policy)?.value,
    ).toBe("confidential");
    expect(suggestionFor(instance({ Name: "sales-crm" }), "CostCenter", policy)).toBeUndefined();
  });
});

describe("suggestTags: similar resources", () => {
  const target = instance();
  const env = (value: string | undefined, over: Partial<Resource> = {}) =>
    instance(value === undefined ? {} : { Environment: value }, over);

  it("takes the most common accepted value, with confidence 0.70 × share × min(1, sample/5)", () => {
    const similar = [
      env("staging"),
      env("staging"),
      env("production"),
      env("stg"), // not an allowed value: counts in the sample, never as a candidate
      env(undefined),
      env("staging"),
      env("staging", { account_id: "222222222222" }), // another account
      env("staging", { type: "ec2:volume" }), // another type
    ];
    expect(suggestionFor(target, "Environment", POLICY, similar)).toEqual({
      tag: "Environment",
      value: "staging",
      confidence: 0.35,
      reasoning: "3 of 6 similar ec2:instance resources in account 111111111111 have Environment=staging",
      strategy: "similar_resources",
    });
  });

  it("discounts a sample smaller than 5", () => {
    expect(suggestionFor(target, "Environment", POLICY, [env("test"), env("test")])?.confidence).toBe(0.28);
  });

  it("breaks ties alphabetically and ignores the resource itself", () => {
    const similar = [
      env("staging"),
      env("production"),
      env("staging"),
      env("production"),
      { ...target, tags: { Environment: "test" } },
    ];
    expect(suggestionFor(target, "Environment", POLICY, similar)).toMatchObject({
      value: "production",
      confidence: 0.28,
    });
  });

  it("clamps the confidence to at least 0.1", () => {
    const similar = [env("development"), ...Array.from({ length: 9 }, () => env(undefined))];
    expect(suggestionFor(target, "Environment", POLICY, similar)?.confidence).toBe(0.1);
  });

  it("looks at 10 neighbours at most", () => {
    const untagged = Array.from({ length: 10 }, () => env(undefined));
    expect(
      suggestionFor(target, "Environment", POLICY, [...untagged, env("test"), env("test")]),
    ).toBeUndefined();
    const tagged = Array.from({ length: 10 }, () => env("development"));
    expect(suggestionFor(target, "Environment", POLICY, [...tagged, env("test")])?.confidence).toBe(0.7);
  });

  it("skips neighbour values that would fail the tag's validation_regex", () => {
    const owner: RequiredTag = {
      name: "Owner",
      description: "o",
      validation_regex: "^[^@]+@[^@]+\\.[a-z]{2,}$",
    };
    const similar = [
      instance({ Owner: "team-a" }),
      instance({ Owner: "team-a" }),
      instance({ Owner: "ana@acme.io" }),
    ];
    expect(suggestionFor(target, "Owner", policyOf(owner), similar)).toMatchObject({
      value: "ana@acme.io",
      confidence: 0.14,
    });
  });

  it("lets name patterns win over neighbours", () => {
    const named = instance({ Name: "api-dev" });
    expect(suggestionFor(named, "Environment", POLICY, [env("test")])?.strategy).toBe("name_pattern");
  });
});

describe("suggestTags: Application inference", () => {
  it.each([
    ["orders-api-prod-us-east-1-01", "orders-api"],
    ["OrdersAPI-v2-use1", "orders-api"],
    ["billing_worker_stg_eu-central-1", "billing-worker"],
    ["Checkout Service 3", "checkout-service"],
  ])("reads %s as %s (0.6)", (name, value) => {
    expect(suggestionFor(instance({ Name: name }), "Application")).toMatchObject({ value, confidence: 0.6 });
  });

  it("suggests nothing when only environment words and numbers are left, or when the name is an id", () => {
    expect(suggestionFor(instance({ Name: "prod-01" }), "Application")).toBeUndefined();
    expect(suggestionFor(instance(), "Application")).toBeUndefined();
  });

  it("names a Lambda function from an alias ARN", () => {
    const fn: Resource = {
      arn: "arn:aws:lambda:us-east-1:111111111111:function:billing-worker:live",
      id: "billing-worker",
      type: "lambda:function",
      region: "us-east-1",
      account_id: "111111111111",
      tags: {},
    };
    expect(suggestionFor(fn, "Application")?.value).toBe("billing-worker");
  });

  it("prefers a neighbour's Application over inference", () => {
    const similar = [instance({ Application: "shop" })];
    expect(suggestionFor(instance({ Name: "orders-api" }), "Application", POLICY, similar)).toMatchObject({
      value: "shop",
      strategy: "similar_resources",
    });
  });
});

describe("suggestTags: which tags", () => {
  it("skips present tags (an empty value is present) and tags that do not apply, and returns current tags", () => {
    const policy = policyOf(ENV, { name: "Application", description: "a", applies_to: ["s3:bucket"] });
    const result = suggestTags({
      resource: instance({ Name: "web-prod", Environment: "" }),
      policy,
      similar: [],
    });
    expect(result.suggestions).toEqual([]);
    expect(result.current_tags).toEqual({ Name: "web-prod", Environment: "" });
  });

  it("treats a required tag named like an Object.prototype key as missing", () => {
    const policy = policyOf({ name: "constructor", description: "c" });
    const similar = [instance({ constructor: "x" })];
    expect(suggestTags({ resource: instance(), policy, similar }).suggestions).toMatchObject([
      { tag: "constructor", value: "x" },
    ]);
  });
});
