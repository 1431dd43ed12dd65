// Tagging policies shared by the generator tests. Written out in full, so each test's expected
// output can be read against the policy it came from.
import type { TaggingPolicy } from "../../src/policy/types";

export const EMAIL_REGEX = "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$";

/** The shipped fixture's three required tags, with its free and unknown types removed. */
export const fixturePolicy = (): TaggingPolicy => ({
  version: "1.0",
  required_tags: [
    {
      name: "Owner",
      description: "Email address of the resource owner",
      allowed_values: null,
      validation_regex: EMAIL_REGEX,
      applies_to: ["ec2:instance", "s3:bucket", "lambda:function", "rds:db"],
    },
    {
      name: "Environment",
      description: "Deployment environment",
      allowed_values: ["production", "staging", "development", "test"],
      validation_regex: null,
      applies_to: ["ec2:instance", "rds:db", "lambda:function", "ec2:volume"],
    },
    {
      name: "Application",
      description: "Application the resource belongs to",
      allowed_values: null,
      validation_regex: null,
      applies_to: ["ec2:instance", "s3:bucket", "glue:table"],
    },
  ],
  optional_tags: [
    { name: "Project", description: "Project identifier", allowed_values: null },
    { name: "CostCenter", description: "Cost center", allowed_values: ["Engineering", "Sales", "Marketing"] },
  ],
});

/** Seven required tags on the same two types: one more than a REQUIRED_TAGS rule can hold. */
export const sevenTagPolicy = (): TaggingPolicy => ({
  version: "2.1",
  required_tags: ["T1", "T2", "T3", "T4", "T5", "T6", "T7"].map((name, index) => ({
    name,
    description: name,
    allowed_values: index === 1 ? ["a", "b"] : null,
    applies_to: ["ec2:instance", "s3:bucket"],
  })),
  optional_tags: [],
});
