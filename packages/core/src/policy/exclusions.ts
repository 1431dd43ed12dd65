// The policy's exclusions: resources the owner has decided not to hold to the policy (CDK staging
// buckets, vendor-managed resources). They are left out of the score and counted apart, so a
// reader sees how many were set aside rather than a silently smaller total.
import type { Resource } from "../model";
import type { PolicyExclusion, TaggingPolicy } from "./types";

const REGEX_SPECIALS = /[.+?^${}()|[\]\\]/g;

/** "arn:aws:s3:::cdk-*" -> /^arn:aws:s3:::cdk-.*$/: `*` is the only wildcard, the rest is literal. */
export function arnGlob(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((part) => part.replace(REGEX_SPECIALS, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`, "s");
}

function excludes(exclusion: PolicyExclusion, resource: Resource): boolean {
  if ("arn_pattern" in exclusion) return arnGlob(exclusion.arn_pattern).test(resource.arn);
  const { key, value } = exclusion.tag;
  if (!Object.hasOwn(resource.tags, key)) return false;
  return value == null || resource.tags[key] === value;
}

export function isExcluded(policy: TaggingPolicy, resource: Resource): boolean {
  return (policy.exclusions ?? []).some((exclusion) => excludes(exclusion, resource));
}
