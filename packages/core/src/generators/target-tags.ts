// The tags a generator enforces: the policy's required tags by default, or the ones the caller names
// (required or optional). Names are matched exactly, then case-insensitively, because models often
// lower-case tag names; an unknown name is an error listing the policy's tags.

import { CoreInputError } from "../errors";
import type { TaggingPolicy } from "../policy/types";

export interface TargetTag {
  name: string;
  allowed_values: string[] | null;
  validation_regex: string | null;
  /** Catalog types the tag binds; null means every type (optional tags bind every type). */
  applies_to: string[] | null;
  required: boolean;
}

function policyTags(policy: TaggingPolicy): TargetTag[] {
  const nonEmpty = (list: string[] | null | undefined) => (list && list.length > 0 ? list : null);
  return [
    ...policy.required_tags.map((tag) => ({
      name: tag.name,
      allowed_values: nonEmpty(tag.allowed_values),
      validation_regex: tag.validation_regex || null,
      applies_to: nonEmpty(tag.applies_to),
      required: true,
    })),
    ...policy.optional_tags.map((tag) => ({
      name: tag.name,
      allowed_values: nonEmpty(tag.allowed_values),
      validation_regex: null,
      applies_to: null,
      required: false,
    })),
  ];
}

export function resolveTargetTags(
  policy: TaggingPolicy,
  names: readonly string[] | undefined,
  field = "target_tags",
): TargetTag[] {
  const all = policyTags(policy);
  if (!names || names.length === 0) return all.filter((tag) => tag.required);
  const picked = names.map((name) => {
    const tag =
      all.find((candidate) => candidate.name === name) ??
      all.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!tag) {
      const known = all.map((candidate) => candidate.name).join(", ") || "none";
      throw new CoreInputError(field, `tag "${name}" is not in the tagging policy; its tags are: ${known}`);
    }
    return tag;
  });
  return [...new Map(picked.map((tag) => [tag.name, tag])).values()];
}
