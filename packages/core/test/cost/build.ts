// Test builders for resources and Cost Explorer data (not a test file).
import type { CostData } from "../../src/cost/types";
import type { Resource } from "../../src/model";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
export const SERVICES = {
  ec2: EC2,
  ec2Other: "EC2 - Other",
  lambda: "AWS Lambda",
  s3: "Amazon Simple Storage Service",
  rds: "Amazon Relational Database Service",
} as const;

export function resource(over: Partial<Resource> & { id: string; type: string }): Resource {
  const region = over.region ?? "us-east-1";
  const account = over.account_id ?? "111111111111";
  const [service, kind] = over.type.split(":");
  return {
    arn: over.arn ?? `arn:aws:${service}:${region}:${account}:${kind}/${over.id}`,
    region,
    account_id: account,
    tags: {},
    state: null,
    ...over,
  };
}

export function costData(
  byService: Record<string, number>,
  byName: Record<string, Record<string, number>> = {},
): CostData {
  return {
    period: { start: "2026-01-01", end: "2026-01-31" },
    by_service: byService,
    by_service_name_tag: byName,
  };
}
