// One row of the per-type coverage table (issue 11): a never-tagged resource of `type`, seeded in
// acme's sandbox account, and the ARN AWS writes for it. Each batch of listers keeps its rows in its
// own `<batch>.cases.ts`; catalog.test.ts runs them all and fails when a catalog type has no row.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";

export interface CoverageCase {
  type: string;
  seed: ResourceSeedInput;
  /** The ARN as AWS writes it for acme's resource (a pattern where AWS adds a random suffix). */
  arn: string | RegExp;
  /**
   * "not_taggable" for a type AWS cannot tag (glue:table): the resource must be counted under
   * not_taggable, and never appear among violations or untagged resources. Default: "violations".
   */
  expect?: "violations" | "not_taggable";
}

export const matches = (arn: string | RegExp) => (candidate: string) =>
  typeof arn === "string" ? candidate === arn : arn.test(candidate);
