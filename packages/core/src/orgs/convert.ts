// import_aws_tag_policy: converts an AWS Organizations tag policy into the product's TaggingPolicy.
// Every tag of the AWS policy is part of its compliance rules, so each becomes required: on the
// catalog types enforced_for (or the newer report_required_tag_for) names, or on every scanned type
// when it names none (enforced_for only decides which operations AWS blocks). Only a tag enforced
// solely on types this service cannot scan becomes optional, with a warning.
import type { OptionalTag, RequiredTag, TaggingPolicy } from "../policy/types";
import { isRecord, readTagPolicyDocument } from "./document";
import { convertEntry, type Findings } from "./entry";

export interface ConvertTagPolicyOptions {
  /** Version of the resulting policy; "1.0" by default. */
  version?: string;
  /** Sets last_updated; left null without it, since core never reads the clock itself. */
  now?: Date;
}

export interface ConvertedTagPolicy {
  policy: TaggingPolicy;
  /** Information the conversion could not carry over (wildcards, unknown types...). */
  warnings: string[];
  /** Parts of the document that were ignored on purpose (inheritance operators...). */
  notes: string[];
}

/** Accepts the document as returned by DescribePolicy (a JSON string) or already parsed. */
export function convertAwsTagPolicy(
  document: unknown,
  options: ConvertTagPolicyOptions = {},
): ConvertedTagPolicy {
  const { tags, otherKeys } = readTagPolicyDocument(document);
  const findings: Findings = { warnings: [], notes: new Set() };
  for (const key of otherKeys) findings.notes.add(`top-level "${key}" ignored: only "tags" holds tag rules`);

  const required_tags: RequiredTag[] = [];
  const optional_tags: OptionalTag[] = [];
  const names = new Set<string>();
  for (const [key, entry] of Object.entries(tags)) {
    if (key.startsWith("@@")) {
      findings.notes.add(`${key} on the tags map ignored: it only limits what child policies may change`);
      continue;
    }
    if (!isRecord(entry)) {
      findings.warnings.push(`tag "${key}" skipped: its rule is not an object`);
      continue;
    }
    const tag = convertEntry(key, entry, findings);
    if (tag.name.trim() === "") {
      findings.warnings.push(`entry "${key}" skipped: it names no tag`);
      continue;
    }
    if (names.has(tag.name)) {
      // Two entries can assign the same tag_key; the first one wins, as in the document's order.
      findings.warnings.push(
        `entry "${key}" skipped: tag "${tag.name}" is already defined by an earlier entry`,
      );
      continue;
    }
    names.add(tag.name);
    const { name, description, allowed_values, applies_to, required } = tag;
    if (required)
      required_tags.push({ name, description, allowed_values, validation_regex: null, applies_to });
    else optional_tags.push({ name, description, allowed_values });
  }
  if (names.size === 0) findings.warnings.push("the tag policy defines no tags");

  const policy: TaggingPolicy = {
    version: options.version ?? "1.0",
    last_updated: options.now ? options.now.toISOString() : null,
    required_tags,
    optional_tags,
  };
  return { policy, warnings: findings.warnings, notes: [...findings.notes] };
}
