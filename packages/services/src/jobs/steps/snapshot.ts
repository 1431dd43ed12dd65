// The rows a background scan leaves: one `scheduled` snapshot (the trend series of
// get_violation_history) and a drift baseline per resource (what detect_tag_drift compares with).
import { baselineFromResources, policyTagKeys } from "@tagc/core";
import { complianceSnapshots, type Tx, tagBaselines } from "@tagc/db";
import type { Analysis } from "../../tools/scan/analyse";

const BATCH = 500;

export interface SnapshotInput {
  clientId: string;
  analysis: Analysis;
  resourceTypes: string[];
  /** The job's clock, so the series lines up with the due instants rather than the commit time. */
  at: Date;
  /** What produced it, kept in the snapshot's scope (schedule id or "daily"). */
  source: Record<string, string>;
}

export async function writeSnapshot(
  tx: Tx,
  { clientId, analysis, resourceTypes, at, source }: SnapshotInput,
) {
  const { evaluation, scan } = analysis;
  const [row] = await tx
    .insert(complianceSnapshots)
    .values({
      clientId,
      // One account per client today; the column holds one id, the scope lists every account scanned.
      accountId: scan.accounts[0] ?? "000000000000",
      scope: {
        resource_types: resourceTypes,
        regions: scan.regions,
        accounts: scan.accounts,
        // A partial scheduled scan is kept (skipping it would leave a hole in the series), marked so.
        data_quality: scan.data_quality.status,
        ...source,
      },
      score: evaluation.compliance_score,
      total: evaluation.total_resources,
      compliant: evaluation.compliant_resources,
      violationCount: evaluation.violation_counts.total,
      byRegion: evaluation.by_region,
      kind: "scheduled",
      createdAt: at,
    })
    .returning({ id: complianceSnapshots.id });
  return row!.id;
}

/** Today's values of the policy's tag keys (required and optional, nothing else) for every resource. */
export async function writeBaselines(tx: Tx, { clientId, analysis, at }: SnapshotInput): Promise<number> {
  const { policy, scan } = analysis;
  const values = baselineFromResources(scan.resources, policyTagKeys(policy));
  // One row per ARN: a global resource listed twice by the scan is still one resource.
  const accounts = new Map(scan.resources.map((resource) => [resource.arn, resource.account_id]));
  const rows = Object.entries(values).map(([arn, tags]) => ({
    clientId,
    accountId: accounts.get(arn)!,
    resourceArn: arn,
    tags: { ...tags },
    capturedAt: at,
  }));
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(tagBaselines).values(rows.slice(i, i + BATCH));
  return rows.length;
}
