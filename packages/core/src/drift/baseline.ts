// The tag baseline stored for drift detection: per ARN, the values of the monitored keys only.
// Other tags are never stored, so a baseline holds no more customer data than the policy needs.
import { uniqueByArn } from "../compliance/scope";
import type { Resource } from "../model";
import type { TaggingPolicy } from "../policy/types";

/** arn -> { tag key -> value }, restricted to monitored keys. */
export type TagBaseline = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Every key the policy names, required first, each once: what a baseline may keep. */
export function policyTagKeys(policy: TaggingPolicy): string[] {
  return [...new Set([...policy.required_tags, ...policy.optional_tags].map((tag) => tag.name))];
}

/**
 * Every resource gets an entry, even with none of the keys: "had no Owner, now has one" is drift
 * we can only see if the empty state was recorded.
 */
export function baselineFromResources(resources: readonly Resource[], keys: readonly string[]): TagBaseline {
  return Object.fromEntries(
    uniqueByArn(resources).map((resource) => [
      resource.arn,
      Object.fromEntries(
        keys.filter((key) => Object.hasOwn(resource.tags, key)).map((key) => [key, resource.tags[key] ?? ""]),
      ),
    ]),
  );
}
