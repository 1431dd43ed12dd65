// Issue 11: the CostCenter name patterns know the words teams actually put in names (payments,
// billing → Finance; crm → Sales; campaign → Marketing; devops, infra → Engineering).
import { describe, expect, it } from "vitest";
import type { Resource } from "../../src/model";
import type { TaggingPolicy } from "../../src/policy/types";
import { suggestTags } from "../../src/suggest/suggest-tags";

const policy = (name = "CostCenter", allowed: string[] | undefined = undefined): TaggingPolicy => ({
  version: "1",
  required_tags: [{ name, description: "cc", ...(allowed ? { allowed_values: allowed } : {}) }],
  optional_tags: [],
});
const DEPARTMENTS = ["Engineering", "Finance", "Marketing", "Sales", "Support", "HR"];

const resource = (
  name: string | null,
  arn = "arn:aws:ec2:us-east-1:111111111111:instance/i-0abc",
): Resource => ({
  arn,
  id: arn.split("/").pop() ?? arn,
  type: arn.startsWith("arn:aws:s3") ? "s3:bucket" : "ec2:instance",
  region: arn.startsWith("arn:aws:s3") ? "" : "us-east-1",
  account_id: "111111111111",
  tags: name === null ? {} : { Name: name },
});
const suggestion = (r: Resource, p: TaggingPolicy) => suggestTags({ resource: r, policy: p }).suggestions[0];

describe("CostCenter name patterns", () => {
  it.each([
    ["payments-api-prod", "Finance"],
    ["billing-worker", "Finance"],
    ["invoice-renderer", "Finance"],
    ["InvoicingService", "Finance"],
    ["ledger-db", "Finance"],
    ["payroll-batch", "Finance"],
    ["accounting-reports", "Finance"],
    ["treasury-sync", "Finance"],
    ["crm-sync", "Sales"],
    ["leads-import", "Sales"],
    ["campaign-tracker", "Marketing"],
    ["seo-crawler", "Marketing"],
    ["devops-runner", "Engineering"],
    ["infra-bastion", "Engineering"],
    ["helpdesk-portal", "Support"],
    ["recruiting-ats", "HR"],
  ])("reads %s as %s from the Name tag (0.75)", (name, value) => {
    expect(suggestion(resource(name), policy("CostCenter", DEPARTMENTS))).toMatchObject({
      tag: "CostCenter",
      value,
      confidence: 0.75,
      strategy: "name_pattern",
    });
  });

  it("reads a bucket name from the ARN (0.65) and suggests the canonical word without allowed values", () => {
    const bucket = resource(null, "arn:aws:s3:::acme-billing-exports");
    expect(suggestion(bucket, policy())).toMatchObject({ value: "Finance", confidence: 0.65 });
  });

  it("uses the policy's spelling and says which word it read", () => {
    expect(
      suggestion(resource("payments-gateway"), policy("cost-centre", ["finance", "engineering"])),
    ).toEqual({
      tag: "cost-centre",
      value: "finance",
      confidence: 0.75,
      reasoning: 'Name tag "payments-gateway" contains the word "payments", which means cost-centre=finance',
      strategy: "name_pattern",
    });
  });

  it("stays quiet on names that name two cost centres or none, and on substrings", () => {
    const p = policy("CostCenter", DEPARTMENTS);
    expect(suggestion(resource("billing-to-crm-bridge"), p)).toBeUndefined();
    expect(suggestion(resource("web-frontend"), p)).toBeUndefined();
    expect(suggestion(resource("paymentsx"), p)).toBeUndefined();
  });

  it("drops a cost centre the policy does not allow", () => {
    expect(
      suggestion(resource("billing-worker"), policy("CostCenter", ["Engineering", "Sales"])),
    ).toBeUndefined();
  });
});
