// Plain data shapes for Cost Explorer spend and its attribution to scanned resources.

/** The window the spend covers, as Cost Explorer dates (YYYY-MM-DD, end exclusive). */
export interface CostPeriod {
  start: string;
  end: string;
}

/** Cost Explorer spend for one window, summed over every period of the query. */
export interface CostData {
  period: CostPeriod;
  /** Spend per Cost Explorer service name ("Amazon Elastic Compute Cloud - Compute"...). */
  by_service: Record<string, number>;
  /**
   * Spend per service, then per raw `Name` tag value (GroupBy SERVICE + TAG:Name). The untagged
   * bucket ("Name$") is left out: it can match no resource and stays in the service's remainder.
   */
  by_service_name_tag: Record<string, Record<string, number>>;
}

/** Where a resource's cost figure comes from, shown next to every cost number. */
export type CostSource = "matched" | "estimated" | "stopped";

export interface ResourceCost {
  amount: number;
  source: CostSource;
}
