// Reading the flattened query-protocol lists ("Filter.1.Name", "Filter.1.Value.2") and checking
// common parameters, with AWS-shaped validation errors.
import { AwsError } from "../errors";
import type { OpInput } from "./operation";

/** Collects `prefix.1`, `prefix.2`, ... (query protocol lists). */
export function queryList(input: OpInput, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; ; i++) {
    const value = input[`${prefix}.${i}`];
    if (typeof value !== "string") return out;
    out.push(value);
  }
}

/** EC2 filters: Filter.N.Name and Filter.N.Value.M. */
export function ec2Filters(input: OpInput): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (let i = 1; ; i++) {
    const name = input[`Filter.${i}.Name`];
    if (typeof name !== "string") return filters;
    filters.set(name, queryList(input, `Filter.${i}.Value`));
  }
}

export function intParam(
  input: OpInput,
  name: string,
  { min, max, code = "InvalidParameterValue" }: { min: number; max: number; code?: string },
): number | undefined {
  const raw = input[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  const value = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AwsError(
      code,
      `Value '${String(raw)}' for parameter ${name} is invalid. It must be an integer between ${min} and ${max}.`,
    );
  }
  return value;
}

export function stringParam(input: OpInput, name: string, code = "ValidationException"): string | undefined {
  const raw = input[name];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") throw new AwsError(code, `${name} must be a string`);
  return raw;
}

export function requiredString(input: OpInput, name: string, code = "ValidationException"): string {
  const value = stringParam(input, name, code);
  if (value === undefined || value === "")
    throw new AwsError(
      code,
      `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
    );
  return value;
}
