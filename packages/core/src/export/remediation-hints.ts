// Human hints next to each change, and a ready AWS CLI command per resource. The command uses the
// Resource Groups Tagging API, which adds or overwrites only the keys given (never purges others).
import type { ResourceRemediation, TagChange } from "./remediation-plan";
import { PLACEHOLDER_VALUE, tagsOf } from "./remediation-plan";

export function changeHint(change: TagChange): string {
  switch (change.value_source) {
    case "allowed_value_spelling":
      return `${change.tag}: "${change.current_value}" is not an allowed value; "${change.value}" is its exact spelling.`;
    case "first_allowed_value":
      return `${change.tag}: "${change.value}" is the first allowed value, a default rather than a guess; pick the right one of ${(change.allowed_values ?? []).join(", ")}.`;
    case "preferred_value":
      return `${change.tag}: "${change.current_value}" is an alias; use "${change.value}".`;
    case "found_key_value":
      return `${change.tag}: the key is written "${change.found_key ?? ""}"; AWS keys are case-sensitive, so set "${change.tag}" and then remove "${change.found_key ?? ""}" (aws resourcegroupstaggingapi untag-resources).`;
    case "placeholder":
      return change.violation_type === "invalid_format"
        ? `${change.tag}: "${change.current_value}" does not match the policy's format; replace ${PLACEHOLDER_VALUE} with a value that does.`
        : `${change.tag}: the policy lists no allowed values; replace ${PLACEHOLDER_VALUE} with the real value.`;
  }
}

/** POSIX single-quoting: safe for any tag text, including quotes and $(...). */
const shellQuote = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;

export function cliCommand(entry: ResourceRemediation): string {
  // Global resources (S3, CloudFront, Route 53) have no scan region; the CLI's default region is
  // used, and S3 buckets must be tagged from their own region.
  const region = entry.region === "global" ? "" : ` --region ${shellQuote(entry.region)}`;
  const tags = JSON.stringify(tagsOf(entry));
  return `aws resourcegroupstaggingapi tag-resources${region} --resource-arn-list ${shellQuote(entry.resource_arn)} --tags ${shellQuote(tags)}`;
}

export function resourceHints(entry: ResourceRemediation): string[] {
  return [...entry.changes.map(changeHint), cliCommand(entry)];
}
