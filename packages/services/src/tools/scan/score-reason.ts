// Why a scan has no compliance score. A score over zero resources would claim compliance nobody
// checked, so core answers null; this sentence tells the model (and the report reader) why, and
// whether the cause is a read failure or an estate with none of the requested types.
import type { ScanIssue, ScanOutcome } from "./types";

/** What the reason is read from: the scan's issues, and the quota (which can trim every resource). */
export type ScanFacts = Pick<ScanOutcome, "data_quality" | "quota">;

export interface ScoreBasis {
  compliance_score: number | null;
  total_resources: number;
}

const why = (issues: readonly ScanIssue[]): string => {
  const revoked = issues.filter((i) => i.code === "ACCESS_REVOKED" && i.account_id);
  if (revoked.length)
    return `AssumeRole was denied in account ${revoked.map((i) => i.account_id).join(", ")}`;
  const regional = issues.filter((i) => i.scope === "region");
  if (regional.length && regional.length === issues.length)
    return `every region failed (${[...new Set(regional.map((i) => `${i.region}: ${i.code}`))].join("; ")})`;
  return [...new Set(issues.map((i) => i.message))].slice(0, 3).join("; ");
};

/**
 * The gap's note when the scan read nothing because reads failed: core's "no resources found" would
 * read as an empty estate. Otherwise core's note stands.
 */
export function gapNoteOf(
  gap: { note: string | null },
  scanned: number,
  issues: readonly ScanIssue[],
): string | null {
  if (scanned > 0 || !issues.length) return gap.note;
  return `No resources could be read: ${why(issues)}. The spend could not be attributed to anything; this is not a gap measurement.`;
}

/** null when there is a score; otherwise the reason, read failures first. */
export function scoreReason(evaluation: ScoreBasis, scan: ScanFacts): string | null {
  if (evaluation.compliance_score !== null) return null;
  const { issues } = scan.data_quality;
  if (scan.quota.over_quota) {
    const why = (scan.quota.message ?? "the monthly resource quota is used up").replace(/\.$/, "");
    return `No resources could be checked: ${why}. There is no compliance score (not 100%).`;
  }
  if (issues.length) {
    return `No resources could be read: ${why(issues)}. There is no compliance score (not 100%): nothing was checked. Fix the access and scan again.`;
  }
  // Read fine, found none of these types: still no score, since no resource was checked.
  return "No resources of the requested types were found in the scanned accounts and regions, so there is no compliance score (not 100%): nothing was checked.";
}
