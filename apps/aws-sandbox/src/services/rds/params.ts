// RDS request parameters: MaxRecords bounds and the query-encoded Filters list
// (Filters.Filter.N.Name, Filters.Filter.N.Values.Value.M).
import { AwsError } from "../../errors";
import type { OpInput } from "../../protocol/operation";
import { queryList } from "../../protocol/params";
import type { Resource } from "../../world/world";
import { clusterOf } from "./shapes";

const invalid = (message: string) => new AwsError("InvalidParameterValue", message);

/** RDS pages hold 20 to 100 records; 100 when MaxRecords is omitted. */
export function maxRecords(input: OpInput): number {
  const raw = input.MaxRecords;
  if (raw === undefined || raw === "") return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 20 || value > 100) {
    throw invalid(`Invalid value ${String(raw)} for MaxRecords. Must be between 20 and 100`);
  }
  return value;
}

type FilterFn = (r: Resource, values: string[]) => boolean;

const idOrArn: FilterFn = (r, values) => values.includes(r.id) || values.includes(r.arn);
/** Matches the engine the describe call reports, including its default for unseeded engines. */
const engineIs =
  (fallback: string): FilterFn =>
  (r, values) =>
    values.includes(String(r.attributes.Engine ?? fallback));

export const INSTANCE_FILTERS: Record<string, FilterFn> = {
  "db-instance-id": idOrArn,
  "db-cluster-id": (r, values) => {
    const cluster = clusterOf(r);
    return (
      cluster !== undefined &&
      (values.includes(cluster) || values.some((v) => v.endsWith(`:cluster:${cluster}`)))
    );
  },
  engine: engineIs("postgres"),
};

export const CLUSTER_FILTERS: Record<string, FilterFn> = {
  "db-cluster-id": idOrArn,
  engine: engineIs("aurora-postgresql"),
};

/** Applies the supported filters; AWS rejects a filter name it does not know. */
export function applyFilters(input: OpInput, items: Resource[], known: Record<string, FilterFn>): Resource[] {
  let out = items;
  for (let i = 1; ; i++) {
    const name = input[`Filters.Filter.${i}.Name`];
    if (typeof name !== "string") return out;
    const filter = known[name];
    if (!filter) throw invalid(`Unrecognized filter name: ${name}.`);
    const values = queryList(input, `Filters.Filter.${i}.Values.Value`);
    if (!values.length) throw invalid(`Filter ${name} must have at least one value.`);
    out = out.filter((r) => filter(r, values));
  }
}
