// Finds a required tag's key on a resource under the policy's key matching. AWS tag keys are
// case-sensitive, so `environment` is a different key from `Environment` (Cost Explorer groups them
// apart); "case_insensitive" exists so such a resource is told what is wrong instead of "missing".
import type { KeyMatching, RequiredTag, TaggingPolicy } from "./types";

export type KeyLookup =
  | { found: "exact"; key: string }
  | { found: "variant"; key: string }
  | { found: "none" };

/** The tag's own setting wins over the policy's; neither set means AWS's exact rule. */
export function keyMatchingOf(policy: TaggingPolicy, tag: RequiredTag): KeyMatching {
  return tag.key_matching ?? policy.key_matching ?? "exact";
}

const fold = (key: string): string => key.trim().toLowerCase();

export function lookupKey(
  tags: Readonly<Record<string, string>>,
  name: string,
  matching: KeyMatching,
): KeyLookup {
  // Own keys only so a tag named "constructor" is not found by accident.
  if (Object.hasOwn(tags, name)) return { found: "exact", key: name };
  if (matching === "exact") return { found: "none" };
  const wanted = fold(name);
  // Sorted so a resource carrying both "environment" and "ENVIRONMENT" always reports the same one.
  const variant = Object.keys(tags)
    .sort()
    .find((key) => fold(key) === wanted);
  return variant === undefined ? { found: "none" } : { found: "variant", key: variant };
}
