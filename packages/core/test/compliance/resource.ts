// Test factory: a running EC2 instance in us-east-1 unless overridden.
import type { Resource } from "../../src/model";

export function resource(id: string, overrides: Partial<Resource> = {}): Resource {
  return {
    arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`,
    id,
    type: "ec2:instance",
    region: "us-east-1",
    account_id: "111111111111",
    tags: {},
    state: "running",
    created_at: null,
    ...overrides,
  };
}
