// Turns raw GetCostAndUsage `ResultsByTime` (GroupBy SERVICE, optionally + TAG:Name) into CostData,
// and, when given, the "EC2 - Other" query grouped by USAGE_TYPE (+ TAG:Name) into its cost lines.
// The shapes below are structural copies of the AWS SDK's (every field optional), so packages/aws
// can pass the SDK response straight in without core importing the SDK.
import { EC2_OTHER, ec2OtherLineOf, VPC_SERVICE, vpcLineOf } from "../catalog/cost-lines";
import { canonicalServiceName } from "../catalog/service-names";
import type { CostData } from "./types";

export interface CostExplorerMetricValue {
  Amount?: string;
  Unit?: string;
}

export interface CostExplorerGroup {
  Keys?: string[];
  Metrics?: Record<string, CostExplorerMetricValue>;
}

export interface CostExplorerResultByTime {
  TimePeriod?: { Start?: string; End?: string };
  Groups?: CostExplorerGroup[];
}

/** CE names a tag group "<key>$<value>"; "Name$" alone is spend with no Name tag. */
const NAME_PREFIX = "Name$";

export interface CostExplorerParseOptions {
  /** The metric that was requested; TOOLS.md prescribes UnblendedCost. */
  metric?: string;
  /**
   * The pages of a second query: Filter SERVICE = "EC2 - Other", GroupBy USAGE_TYPE (+ TAG:Name).
   * When present, EC2 - Other is read from it alone (the first query's EC2 - Other groups are
   * skipped, so nothing is counted twice) and split into one line per usage-type family.
   */
  ec2OtherByUsageType?: readonly CostExplorerResultByTime[];
  /** The same for "Amazon Virtual Private Cloud" (VPN connections, endpoints, transit gateways, public IPv4). */
  vpcByUsageType?: readonly CostExplorerResultByTime[];
}

function amountOf(group: CostExplorerGroup, metric: string): number {
  const raw = group.Metrics?.[metric]?.Amount;
  const amount = raw === undefined ? Number.NaN : Number(raw);
  // A silent zero would under-report spend, so a malformed answer is an internal failure.
  if (raw === undefined || raw.trim() === "" || !Number.isFinite(amount)) {
    throw new Error(`Cost Explorer group ${JSON.stringify(group.Keys ?? [])} has no numeric ${metric}`);
  }
  return amount;
}

/**
 * Sums every period and every page (concatenate the pages' ResultsByTime before calling).
 * Pass the results of ONE query: by_service is the sum of its groups, so feeding a SERVICE-only
 * query and a SERVICE + TAG:Name query together would count the spend twice.
 */
export function costDataFromCostExplorer(
  resultsByTime: readonly CostExplorerResultByTime[],
  options: CostExplorerParseOptions = {},
): CostData {
  const metric = options.metric ?? "UnblendedCost";
  const split = options.ec2OtherByUsageType;
  const vpcSplit = options.vpcByUsageType;
  // Null-prototype dictionaries: a tag value such as "constructor" or "__proto__" is customer data
  // and must land as an ordinary key, not hit Object.prototype.
  const data: CostData = {
    period: { start: "", end: "" },
    by_service: Object.create(null),
    by_service_name_tag: Object.create(null),
  };

  // SERVICE groups: the service is the key without "$" (GroupBy order follows the request).
  readGroups(resultsByTime, metric, data, (keys) => {
    const billed = keys.find((key) => !key.includes("$"));
    if (billed === undefined) {
      throw new Error(`Cost Explorer group ${JSON.stringify(keys)} has no SERVICE key`);
    }
    // A renamed service's spend may be billed under its old name: it lands on the catalog's name.
    const service = canonicalServiceName(billed);
    if (split && service === EC2_OTHER) return undefined;
    return vpcSplit && service === VPC_SERVICE ? undefined : service;
  });
  // USAGE_TYPE groups of EC2 - Other: usage types have no "$" either.
  if (split) {
    readGroups(split, metric, data, (keys) => {
      const usageType = keys.find((key) => !key.includes("$"));
      if (usageType === undefined) {
        throw new Error(`Cost Explorer group ${JSON.stringify(keys)} has no USAGE_TYPE key`);
      }
      return ec2OtherLineOf(usageType);
    });
  }
  if (vpcSplit) {
    readGroups(vpcSplit, metric, data, (keys) => {
      const usageType = keys.find((key) => !key.includes("$"));
      if (usageType === undefined) {
        throw new Error(`Cost Explorer group ${JSON.stringify(keys)} has no USAGE_TYPE key`);
      }
      return vpcLineOf(usageType);
    });
  }
  return data;
}

/** Adds every group to `data` under the line `lineOf` names (undefined: skip the group). */
function readGroups(
  resultsByTime: readonly CostExplorerResultByTime[],
  metric: string,
  data: CostData,
  lineOf: (keys: string[]) => string | undefined,
): void {
  const { by_service: byService, by_service_name_tag: byName, period } = data;
  for (const result of resultsByTime) {
    const periodStart = result.TimePeriod?.Start ?? "";
    const periodEnd = result.TimePeriod?.End ?? "";
    // ISO dates compare correctly as strings.
    if (periodStart && (!period.start || periodStart < period.start)) period.start = periodStart;
    if (periodEnd && periodEnd > period.end) period.end = periodEnd;

    for (const group of result.Groups ?? []) {
      const keys = group.Keys ?? [];
      const line = lineOf(keys);
      if (line === undefined) continue;
      const amount = amountOf(group, metric);
      byService[line] = (byService[line] ?? 0) + amount;

      const tag = keys.find((key) => key.startsWith(NAME_PREFIX));
      const name = tag?.slice(NAME_PREFIX.length) ?? "";
      if (name === "") continue;
      const names: Record<string, number> = byName[line] ?? Object.create(null);
      names[name] = (names[name] ?? 0) + amount;
      byName[line] = names;
    }
  }
}
