import { hash } from "node:crypto";

// The one-shot hash: a scan keys every ARN it meters, twice (quota check, then the insert), and a
// Hash object per ARN cost about three times as much CPU for 10,000 of them.
const sha256 = (text: string) => hash("sha256", text, "hex");

/**
 * One `resource` event per (client, month, ARN): a rescan or a retried call inserts nothing new. The
 * client id is part of the key because the unique index spans every tenant, and one AWS account may
 * serve two clients: each must be billed for its own scans. The ARN is hashed so usage rows, kept
 * after offboarding, hold no customer resource names.
 */
export const resourceIdempotencyKey = (clientId: string, period: string, arn: string) =>
  `resource:${clientId}:${period}:${sha256(arn)}`;

/** One `scan` event per tool call (request id) and AWS account, however often the call is retried. */
export const scanIdempotencyKey = (clientId: string, requestId: string, accountId: string) =>
  `scan:${clientId}:${sha256(`${requestId}\u0000${accountId}`)}`;

/** Unique ARNs in a deterministic order (UTF-16 code unit order), empty strings dropped. */
export function uniqueSortedArns(arns: readonly string[]): string[] {
  // A scan's ARNs come in this order already (discovery's merge): checking it is one comparison per
  // ARN, where the set and the sort of a 10,000-resource scan ran twice per metered scan.
  if (strictlyAscending(arns) && arns[0] !== "") return arns.slice();
  return [...new Set(arns)].filter((arn) => arn !== "").sort();
}

/** Sorted with no ARN twice; then only the first can be "" (it sorts before everything). */
function strictlyAscending(arns: readonly string[]): boolean {
  for (let i = 1; i < arns.length; i++) if (!(arns[i - 1]! < arns[i]!)) return false;
  return true;
}

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
