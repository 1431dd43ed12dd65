// What the two Cognito services (user pools and identity pools, JSON 1.1) share: MaxResults is
// required and 1-60, and a malformed field is an InvalidParameterException carrying the usual
// "1 validation error detected" text, as both APIs answer.
// moto 5.2 differs: it accepts a missing or oversized MaxResults and answers a forged NextToken with
// "InvalidToken"; AWS documents MaxResults as required with a maximum of 60 (and callers report the
// InvalidParameterException), and lists no token-specific error, so InvalidParameterException here.
import { AwsError } from "../errors";
import type { OpInput } from "../protocol/operation";

const invalidParameter = (message: string) => new AwsError("InvalidParameterException", message);

const violation = (value: unknown, field: string, constraint: string) =>
  invalidParameter(
    `1 validation error detected: Value ${value === undefined || value === null ? "null" : `'${String(value)}'`} at '${field}' failed to satisfy constraint: ${constraint}`,
  );

/** MaxResults: required (the SDK does not check), between 1 and 60. */
export function maxResults(input: OpInput): number {
  const raw = input.MaxResults;
  if (raw === undefined || raw === null) throw violation(raw, "maxResults", "Member must not be null");
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw violation(raw, "maxResults", "Member must have value greater than or equal to 1");
  if (value > 60) throw violation(raw, "maxResults", "Member must have value less than or equal to 60");
  return value;
}

/** A required id field matched against the API's pattern. */
export function idField(input: OpInput, name: string, field: string, pattern: RegExp): string {
  const raw = input[name];
  if (typeof raw !== "string" || raw === "") throw violation(undefined, field, "Member must not be null");
  if (!pattern.test(raw))
    throw violation(raw, field, `Member must satisfy regular expression pattern: ${pattern.source}`);
  return raw;
}
