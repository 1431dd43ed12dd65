// detect_tag_drift: how the monitored tags changed between the stored baseline and now.
import { resourceTypeFromArn } from "../arn/resource-type";
import { applicableRequiredTags } from "../policy/applicable";
import type { RequiredTag, TaggingPolicy } from "../policy/types";
import type { TagBaseline } from "./baseline";

export type DriftChangeType = "added" | "removed" | "changed";
export type DriftSeverity = "critical" | "warning" | "info";

export interface TagDrift {
  resource_arn: string;
  tag_key: string;
  change_type: DriftChangeType;
  old_value: string | null;
  new_value: string | null;
  severity: DriftSeverity;
}

export interface CompareDriftInput {
  baseline: TagBaseline;
  current: TagBaseline;
  policy: TaggingPolicy;
  /** Keys to monitor; defaults to the policy's required tags. */
  tagKeys?: readonly string[];
}

export interface DriftResult {
  /** Ordered by ARN, then tag key. */
  changes: TagDrift[];
  summary: Record<DriftChangeType | DriftSeverity, number>;
  /** ARNs present in both maps: the only ones whose tags can have drifted. */
  resources_compared: number;
  /** Created after the baseline: nothing to compare with, so not drift. */
  new_resource_arns: string[];
  /** In the baseline but not found now (deleted, or outside this scan): not drift either. */
  missing_resource_arns: string[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Required tags that bind this ARN's type; every required tag when the ARN names no catalog type. */
function requiredTagsFor(policy: TaggingPolicy, arn: string): Map<string, RequiredTag> {
  const type = resourceTypeFromArn(arn);
  const tags = type ? applicableRequiredTags(policy, type) : policy.required_tags;
  return new Map(tags.map((tag) => [tag.name, tag]));
}

function severityOf(
  change: DriftChangeType,
  required: RequiredTag | undefined,
  value: string | null,
): DriftSeverity {
  if (!required) return "info";
  if (change === "removed") return "critical";
  const allowed = required.allowed_values;
  // Empty lists allow anything (Python truthiness, as in validation).
  if (change === "changed" && allowed && allowed.length > 0 && !allowed.includes(value ?? ""))
    return "warning";
  return "info";
}

function readTag(tags: Readonly<Record<string, string>>, key: string): string | null {
  return Object.hasOwn(tags, key) ? (tags[key] ?? null) : null;
}

export function compareDrift({ baseline, current, policy, tagKeys }: CompareDriftInput): DriftResult {
  const keys = [...new Set(tagKeys ?? policy.required_tags.map((tag) => tag.name))].sort(byCodeUnits);
  const compared = Object.keys(current)
    .filter((arn) => Object.hasOwn(baseline, arn))
    .sort(byCodeUnits);
  const changes: TagDrift[] = [];
  for (const arn of compared) {
    const required = requiredTagsFor(policy, arn);
    for (const key of keys) {
      const oldValue = readTag(baseline[arn] ?? {}, key);
      const newValue = readTag(current[arn] ?? {}, key);
      if (oldValue === newValue) continue;
      const change: DriftChangeType = oldValue === null ? "added" : newValue === null ? "removed" : "changed";
      const severity = severityOf(change, required.get(key), newValue);
      changes.push({
        resource_arn: arn,
        tag_key: key,
        change_type: change,
        old_value: oldValue,
        new_value: newValue,
        severity,
      });
    }
  }
  const summary = { added: 0, removed: 0, changed: 0, critical: 0, warning: 0, info: 0 };
  for (const change of changes) {
    summary[change.change_type] += 1;
    summary[change.severity] += 1;
  }
  return {
    changes,
    summary,
    resources_compared: compared.length,
    new_resource_arns: Object.keys(current)
      .filter((arn) => !Object.hasOwn(baseline, arn))
      .sort(byCodeUnits),
    missing_resource_arns: Object.keys(baseline)
      .filter((arn) => !Object.hasOwn(current, arn))
      .sort(byCodeUnits),
  };
}
