// Stable JSON for a policy: the same policy always yields the same text, whatever the key order or
// the spelling of "not set" (missing, null) in the object it came from, so stored versions and
// cache keys built from it compare by content.
import { canonicalPolicy } from "./canonical";
import type { TaggingPolicy } from "./types";

export function serializePolicy(policy: TaggingPolicy): string {
  return JSON.stringify(canonicalPolicy(policy), null, 2);
}
