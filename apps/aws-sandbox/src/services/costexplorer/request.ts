// Validating a GetCostAndUsage request into what the sandbox can answer. What AWS accepts but the
// sandbox does not emulate is refused with a ValidationException naming it, never silently ignored.
import { AwsError } from "../../errors";
import type { OpInput } from "../../protocol/operation";

export const DAY_MS = 86_400_000;

export interface GroupDef {
  Type: "DIMENSION" | "TAG";
  Key: string;
}

export interface CostQuery {
  start: number;
  end: number;
  granularity: "DAILY" | "MONTHLY";
  metrics: string[];
  groupBy: GroupDef[];
  /** SERVICE values of a Dimensions filter; undefined when unfiltered. */
  services: Set<string> | undefined;
}

export const COST_METRICS = new Set([
  "AmortizedCost",
  "BlendedCost",
  "NetAmortizedCost",
  "NetUnblendedCost",
  "UnblendedCost",
]);
const USAGE_METRICS = new Set(["UsageQuantity", "NormalizedUsageAmount"]);
/** The GroupBy dimensions AWS documents (and names in its error); of these the seed carries SERVICE, USAGE_TYPE and LINKED_ACCOUNT. */
const DOCUMENTED = [
  "AZ",
  "INSTANCE_TYPE",
  "LEGAL_ENTITY_NAME",
  "INVOICING_ENTITY",
  "LINKED_ACCOUNT",
  "OPERATION",
  "PLATFORM",
  "PURCHASE_TYPE",
  "SERVICE",
  "TENANCY",
  "RECORD_TYPE",
  "USAGE_TYPE",
];
/** AWS also groups by REGION although its documentation omits it. */
const GROUPABLE = new Set([...DOCUMENTED, "REGION"]);
const EMULATED = new Set(["SERVICE", "USAGE_TYPE", "LINKED_ACCOUNT"]);

export const validation = (message: string) => new AwsError("ValidationException", message);
const unsupported = (what: string) =>
  validation(`The sandbox does not emulate ${what}; supported: Filter.Dimensions on SERVICE.`);

/** "YYYY-MM-DD" to ms at UTC midnight; impossible dates (2026-02-30) are invalid too. */
export function parseDate(value: unknown, field: string): number {
  const text = typeof value === "string" ? value : "";
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw validation(
      `${field} date ${JSON.stringify(value ?? null)} is invalid. Dates must be formatted as YYYY-MM-DD.`,
    );
  }
  return ms;
}

function parseMetrics(value: unknown): string[] {
  if (!Array.isArray(value) || !value.length || !value.every((m) => typeof m === "string")) {
    throw validation("Metrics must contain at least one metric name.");
  }
  const bad = value.filter((m) => !COST_METRICS.has(m) && !USAGE_METRICS.has(m));
  if (bad.length) {
    throw validation(
      `Metrics [${bad.join(", ")}] are invalid. Valid values are ${[...COST_METRICS, ...USAGE_METRICS].join(", ")}.`,
    );
  }
  return [...new Set(value as string[])];
}

function parseGroupBy(value: unknown): GroupDef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validation("GroupBy must be a list of group definitions.");
  if (value.length > 2) throw validation("You can only group by up to two dimensions or tags.");
  const defs: GroupDef[] = [];
  for (const raw of value as { Type?: unknown; Key?: unknown }[]) {
    const { Type: type, Key: key } = raw ?? {};
    if (typeof key !== "string" || !key) throw validation("Every GroupBy entry needs a Key.");
    if (type === "DIMENSION") {
      if (!GROUPABLE.has(key)) {
        throw validation(
          `Group Definition dimension is invalid. Valid values are ${DOCUMENTED.slice(0, -1).join(", ")}, and USAGE_TYPE.`,
        );
      }
      if (!EMULATED.has(key))
        throw validation(
          `The sandbox does not emulate grouping by dimension ${key}; use SERVICE, USAGE_TYPE or LINKED_ACCOUNT.`,
        );
    } else if (type === "COST_CATEGORY") {
      throw validation("The sandbox does not emulate grouping by COST_CATEGORY.");
    } else if (type !== "TAG") {
      throw validation(
        `Group Definition type ${JSON.stringify(type ?? null)} is invalid. Valid values are DIMENSION, TAG, COST_CATEGORY.`,
      );
    }
    if (defs.some((d) => d.Type === type && d.Key === key))
      throw validation("Duplicate group by keys are not allowed.");
    defs.push({ Type: type, Key: key });
  }
  return defs;
}

function parseFilter(value: unknown): Set<string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw validation("Filter must be an expression.");
  const keys = Object.keys(value);
  const other = keys.find((k) => k !== "Dimensions");
  if (other) throw unsupported(`Filter.${other}`);
  if (!keys.length) throw validation("Filter expression must not be empty.");
  const {
    Key: key,
    Values: values,
    MatchOptions: match,
  } = (value as { Dimensions: Record<string, unknown> }).Dimensions ?? {};
  if (key !== "SERVICE") throw unsupported(`Filter.Dimensions with Key ${String(key)}`);
  if (match !== undefined && !(Array.isArray(match) && match.every((m) => m === "EQUALS"))) {
    throw unsupported(`Filter.Dimensions.MatchOptions ${JSON.stringify(match)}`);
  }
  if (!Array.isArray(values) || !values.length || !values.every((v) => typeof v === "string")) {
    throw validation("Filter.Dimensions.Values must contain at least one value.");
  }
  return new Set(values as string[]);
}

export function parseQuery(input: OpInput): CostQuery {
  const period = (input.TimePeriod ?? {}) as Record<string, unknown>;
  const start = parseDate(period.Start, "Start");
  const end = parseDate(period.End, "End");
  if (start >= end) throw validation("Start date (and hour) should be before end date (and hour)");
  const granularity = input.Granularity;
  if (granularity === "HOURLY") throw validation("Hourly granularity is not enabled for this account.");
  if (granularity !== "DAILY" && granularity !== "MONTHLY") {
    throw validation(
      `Granularity ${JSON.stringify(granularity ?? null)} is invalid. Valid values are DAILY, MONTHLY, HOURLY.`,
    );
  }
  if (input.BillingViewArn !== undefined) throw unsupported("BillingViewArn");
  return {
    start,
    end,
    granularity,
    metrics: parseMetrics(input.Metrics),
    groupBy: parseGroupBy(input.GroupBy),
    services: parseFilter(input.Filter),
  };
}
