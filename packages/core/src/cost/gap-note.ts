// The one sentence that keeps a small or zero gap from reading as good tagging. A gap of $0 has three
// different causes that call for different actions, so the note names which one holds.
import { formatUsd } from "../report/money";

export interface GapNoteInput {
  /** Resources of the requested types that were scanned (ended ones excluded). */
  resources: number;
  /** Of those, the compliant ones. */
  compliant: number;
  /** Spend of the taggable services in the period. */
  taggableTotal: number;
  gap: number;
}

const resourcesFound = (n: number) => (n === 1 ? "1 resource was" : `${n} resources were`);

const allTagged = (n: number) =>
  n === 1 ? "The 1 scanned resource is properly tagged" : `All ${n} scanned resources are properly tagged`;

/** null when there is a real gap to report: the numbers then speak for themselves. */
export function gapNote({ resources, compliant, taggableTotal, gap }: GapNoteInput): string | null {
  if (resources === 0) {
    return taggableTotal > 0
      ? `No resources of the requested types were found, so none of the ${formatUsd(taggableTotal)} of their services' spend could be attributed; this is not evidence of good tagging.`
      : "No resources of the requested types were found and no spend was reported for their services: there is nothing to attribute, which is not evidence of good tagging.";
  }
  if (taggableTotal === 0) {
    return `${resourcesFound(resources)} found but Cost Explorer reported $0 for their services in this period: they may be within the free tier, the spend may not be reported yet, or the policy's tags may not be activated as cost allocation tags. A $0 gap here says nothing about attribution.`;
  }
  if (compliant === resources) {
    return gap > 0
      ? `${allTagged(resources)}; the remaining ${formatUsd(gap)} is spend no scanned resource carries (other resources of these services, or spend Cost Explorer does not split by resource).`
      : `${allTagged(resources)}: ${resources === 1 ? "its" : "their"} spend is fully attributable.`;
  }
  return null;
}
