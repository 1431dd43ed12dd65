// Plain data shapes for Cost Explorer spend and its attribution to scanned resources.

/** The window the spend covers, as Cost Explorer dates (YYYY-MM-DD, end exclusive). */
export interface CostPeriod {
  start: string;
  end: string;
}

/** Cost Explorer spend for one window, summed over every period of the query. */
export interface CostData {
  period: CostPeriod;
  /**
   * Spend per cost line: a Cost Explorer service name ("Amazon Elastic Compute Cloud - Compute"...),
   * except "EC2 - Other", which is split by usage type into "EC2 - Other (EBS volumes)" and its
   * siblings (catalog/cost-lines.ts) when the usage-type query was read; what no family claims
   * stays under "EC2 - Other".
   */
  by_service: Record<string, number>;
  /**
   * Spend per cost line, then per raw `Name` tag value (GroupBy SERVICE + TAG:Name). The untagged
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
