// Output shape of the cost attribution gap (TOOLS.md tool 4).
import type { CostPeriod, CostSource } from "./types";

export type GapGroupBy = "resource_type" | "region" | "account" | "service";

export type GapNote = "no resources found" | "resources found but $0 reported" | "all properly tagged";

export interface GapGroup {
  total: number;
  attributable: number;
  gap: number;
  resources_scanned: number;
  compliant: number;
  non_compliant: number;
  note: GapNote | null;
}

export interface CostSourceTally {
  resources: number;
  amount: number;
}

export interface AttributionGap {
  period: CostPeriod;
  group_by: GapGroupBy;
  /** Spend of every covered service, each counted once. */
  total: number;
  /** Spend spread onto compliant resources. */
  attributable: number;
  /** Spend of covered services that have no taggable resource; outside the gap. */
  unattributable_by_nature: number;
  unattributable_services: Record<string, number>;
  /** total − unattributable_by_nature: the spend the gap is measured against. */
  taggable_total: number;
  gap: number;
  /** gap / taggable_total in percent, 2 decimals; 0 when there is no taggable spend. */
  gap_percentage: number;
  /**
   * Per group. Covers the taggable spend: totals, attributable and gaps each sum to taggable_total,
   * attributable and gap. Spend no scanned resource could take sits under UNALLOCATED_GROUP unless
   * the grouping has a natural home for it (its service, or the only scanned type of its service).
   */
  breakdown: Record<string, GapGroup>;
  cost_sources: Record<CostSource, CostSourceTally>;
  /**
   * Which of "no resources", "resources but $0 reported" and "all properly tagged" explains a small
   * or zero gap (gap-note.ts); null when the gap is real.
   */
  note: string | null;
}

/** Breakdown key for spend that belongs to no scanned resource. */
export const UNALLOCATED_GROUP = "(unallocated)";
