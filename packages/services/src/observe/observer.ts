// What the tool pipeline reports for the operator's metrics, behind an interface so services know
// nothing of Prometheus: the edge hands in an observer that feeds its registry. Every value passed is
// from a closed set (tool names, error codes, the kinds below), never a client id or any input.
import type { ErrorCode } from "../errors";

/** Which guardrail refused a call. */
export type GuardrailKind = "api_key_rate" | "client_rate" | "loop" | "session_budget" | "aws_region_budget";

/** What a cache entry holds; `other` for any key this list does not name. */
export const CACHE_KINDS = [
  "scan",
  "analysis",
  "spend",
  "costs",
  "cost-allocation-tags",
  "regions",
  "regions-last",
  "metered",
  "other",
] as const;
export type CacheKind = (typeof CACHE_KINDS)[number];

export interface ToolCallEvent {
  tool: string;
  /** "ok", or the error code the caller got. */
  code: "ok" | ErrorCode;
  seconds: number;
}

export interface CacheLookup {
  cache: CacheKind;
  /** `memory`: this process's memo; `shared`: the cache store (Redis in a deployment). */
  tier: "memory" | "shared";
  hit: boolean;
}

export interface ToolObserver {
  toolCall(event: ToolCallEvent): void;
  guardrail(kind: GuardrailKind): void;
  cache(lookup: CacheLookup): void;
}

export const NO_OBSERVER: ToolObserver = {
  toolCall: () => undefined,
  guardrail: () => undefined,
  cache: () => undefined,
};

/** The kind of a cache key from its first segment (`scan:…` → scan): the keys are ours, never input. */
export function cacheKindOf(key: string): CacheKind {
  const colon = key.indexOf(":");
  const head = colon === -1 ? key : key.slice(0, colon);
  return (CACHE_KINDS as readonly string[]).includes(head) ? (head as CacheKind) : "other";
}
