// Shortcut for callers that only need the catalog type of an ARN they already trust.
import { parseArn } from "./parse";

/** The catalog type an ARN names, or null when it is invalid or names no catalog type. */
export function resourceTypeFromArn(arn: string): string | null {
  const parsed = parseArn(arn);
  return parsed.ok ? parsed.arn.resourceType : null;
}
