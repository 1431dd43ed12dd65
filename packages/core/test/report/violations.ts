// Violation builder for report and export tests (not a test file).
import type { Violation } from "../../src/model";

export function violation(over: Partial<Violation> & { resource_id: string }): Violation {
  const type = over.resource_type ?? "ec2:instance";
  const [service, kind] = type.split(":");
  return {
    resource_arn: `arn:aws:${service}:us-east-1:111111111111:${kind}/${over.resource_id}`,
    resource_type: type,
    region: "us-east-1",
    account_id: "111111111111",
    violation_type: "missing_required_tag",
    tag_name: "Environment",
    severity: "error",
    current_value: null,
    allowed_values: ["production", "staging"],
    cost_impact_monthly: 0,
    ...over,
  };
}

export function many(count: number, prefix: string, over: Partial<Violation>): Violation[] {
  return Array.from({ length: count }, (_, index) =>
    violation({ resource_id: `${prefix}-${index}`, ...over }),
  );
}
