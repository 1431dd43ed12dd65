// The one writer of compliance snapshots: an ad-hoc check with store_snapshot and the scheduled audits
// and daily snapshots all store the same aggregate. Only aggregates: raw resource data never leaves
// the scan.
import { gapSummary } from "@tagc/core";
import { complianceSnapshots, type Database, type JsonObject, type SnapshotKind } from "@tagc/db";
import { ServiceError } from "../errors";
import type { Analysis } from "../tools/scan/analyse";

export interface SnapshotInput {
  clientId: string;
  analysis: Pick<Analysis, "evaluation" | "gap" | "scan">;
  /** As requested (e.g. ["all"]), kept in the snapshot's scope. */
  resourceTypes: string[];
  kind: SnapshotKind;
  /** The caller's clock, so a scheduled series lines up with its due instants. */
  at: Date;
  /** What produced it (a schedule id, "daily"), kept in the scope. */
  source?: Record<string, string>;
}

export async function insertSnapshot(db: Database, input: SnapshotInput): Promise<string> {
  const { evaluation, gap, scan } = input.analysis;
  // The column holds one account; the scope lists every account the scan covered.
  const [accountId] = scan.accounts;
  if (!accountId) throw new ServiceError("INTERNAL", "a snapshot needs the account it scanned");
  const [row] = await db
    .insert(complianceSnapshots)
    .values({
      clientId: input.clientId,
      accountId,
      scope: {
        resource_types: input.resourceTypes,
        regions: scan.regions,
        accounts: scan.accounts,
        // A partial scan is kept (a scheduled series must not have holes), marked so.
        data_quality: scan.data_quality.status,
        ...input.source,
      },
      score: evaluation.compliance_score,
      total: evaluation.total_resources,
      compliant: evaluation.compliant_resources,
      violationCount: evaluation.violation_counts.total,
      byRegion: evaluation.by_region,
      costGap: gapSummary(evaluation.violations, gap) as JsonObject | null,
      kind: input.kind,
      createdAt: input.at,
    })
    .returning({ id: complianceSnapshots.id });
  if (!row) throw new ServiceError("INTERNAL", "the snapshot was not stored");
  return row.id;
}
