// The one writer of drift baselines: the values of the monitored tag keys per resource at one
// instant, what detect_tag_drift compares with later. The drift tool records one per run, and the
// scheduled audits and daily snapshots one per scan.
import { baselineFromResources, policyTagKeys, type Resource } from "@tagc/core";
import { type Database, tagBaselines } from "@tagc/db";
import type { Analysis } from "../tools/scan/analyse";

const BATCH = 500;

export interface BaselineInput {
  clientId: string;
  resources: readonly Resource[];
  /** Per ARN, the values of the monitored keys only (never other tags). */
  values: Record<string, Record<string, string>>;
  at: Date;
}

/** One row per ARN (a global resource listed twice by a scan is still one resource); the row count. */
export async function insertBaselines(db: Database, input: BaselineInput): Promise<number> {
  const byArn = new Map(input.resources.map((resource) => [resource.arn, resource]));
  const rows = [...byArn.values()].map((resource) => ({
    clientId: input.clientId,
    accountId: resource.account_id,
    resourceArn: resource.arn,
    tags: { ...input.values[resource.arn] },
    capturedAt: input.at,
  }));
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(tagBaselines).values(rows.slice(i, i + BATCH));
  return rows.length;
}

/** A scan's baselines over every tag key of the policy (required and optional, nothing else). */
export function baselinesOf(
  clientId: string,
  analysis: Pick<Analysis, "policy" | "scan">,
  at: Date,
): BaselineInput {
  const { resources } = analysis.scan;
  return {
    clientId,
    resources,
    values: baselineFromResources(resources, policyTagKeys(analysis.policy)),
    at,
  };
}
