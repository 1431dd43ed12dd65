// Turns raw GetCostAndUsage `ResultsByTime` (GroupBy SERVICE, optionally + TAG:Name) into CostData.
// The shapes below are structural copies of the AWS SDK's (every field optional), so packages/aws
// can pass the SDK response straight in without core importing the SDK.
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
  // Null-prototype dictionaries: a tag value such as "constructor" or "__proto__" is customer data
  // and must land as an ordinary key, not hit Object.prototype.
  const byService: Record<string, number> = Object.create(null);
  const byName: Record<string, Record<string, number>> = Object.create(null);
  let start = "";
  let end = "";

  for (const result of resultsByTime) {
    const periodStart = result.TimePeriod?.Start ?? "";
    const periodEnd = result.TimePeriod?.End ?? "";
    // ISO dates compare correctly as strings.
    if (periodStart && (!start || periodStart < start)) start = periodStart;
    if (periodEnd && periodEnd > end) end = periodEnd;

    for (const group of result.Groups ?? []) {
      const keys = group.Keys ?? [];
      // GroupBy order follows the request, so find each key by shape; service names have no "$".
      const service = keys.find((key) => !key.includes("$"));
      if (service === undefined) {
        throw new Error(`Cost Explorer group ${JSON.stringify(keys)} has no SERVICE key`);
      }
      const amount = amountOf(group, metric);
      byService[service] = (byService[service] ?? 0) + amount;

      const tag = keys.find((key) => key.startsWith(NAME_PREFIX));
      const name = tag?.slice(NAME_PREFIX.length) ?? "";
      if (name === "") continue;
      const names: Record<string, number> = byName[service] ?? Object.create(null);
      names[name] = (names[name] ?? 0) + amount;
      byName[service] = names;
    }
  }

  return { period: { start, end }, by_service: byService, by_service_name_tag: byName };
}
