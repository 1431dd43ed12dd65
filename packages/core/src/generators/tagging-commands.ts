// AWS CLI commands that add tags to one resource, per resource type. Each service's own tagging call
// is used where it is the usual one; anything else goes through the Resource Groups Tagging API.
// Tags are passed as JSON in single quotes, so a value with spaces or shell characters stays intact.
import { isGlobalType } from "../catalog";

/** Where the command finds the resource; values are inserted as given (template placeholders). */
export interface ResourceRef {
  id: string;
  arn: string;
  region: string;
}

/** POSIX single-quoting: the only character to handle inside single quotes is the quote itself. */
export const shellQuote = (text: string): string => `'${text.replaceAll("'", `'"'"'`)}'`;

const keyValueList = (tags: Record<string, string>) =>
  shellQuote(JSON.stringify(Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))));

// put-bucket-tagging replaces the bucket's whole tag set, so the current set is read and merged
// first (jq, new keys win). Only "no tag set yet" counts as empty: any other read error stops the
// command, because writing then would delete every existing tag.
function s3Command(bucket: string, tags: Record<string, string>): string {
  const merge = shellQuote("{TagSet: ((. + $add) | reverse | unique_by(.Key))}");
  return [
    `current=$(aws s3api get-bucket-tagging --bucket "${bucket}" --query TagSet --output json 2>&1) || case "$current" in *NoSuchTagSet*) current='[]' ;; *) echo "$current" >&2; exit 1 ;; esac`,
    `aws s3api put-bucket-tagging --bucket "${bucket}" --tagging "$(printf '%s' "$current" | jq -c --argjson add ${keyValueList(tags)} ${merge})"`,
  ].join("\n");
}

export function taggingCommand(type: string, tags: Record<string, string>, ref: ResourceRef): string {
  const service = type.split(":")[0];
  if (type === "s3:bucket") return s3Command(ref.id, tags);
  // Global services other than S3 are tagged through their us-east-1 endpoint.
  const region = isGlobalType(type) ? "us-east-1" : ref.region;
  const json = shellQuote(JSON.stringify(tags));
  if (service === "ec2") {
    return `aws ec2 create-tags --region "${region}" --resources "${ref.id}" --tags ${keyValueList(tags)}`;
  }
  if (service === "rds") {
    return `aws rds add-tags-to-resource --region "${region}" --resource-name "${ref.arn}" --tags ${keyValueList(tags)}`;
  }
  if (service === "lambda")
    return `aws lambda tag-resource --region "${region}" --resource "${ref.arn}" --tags ${json}`;
  return `aws resourcegroupstaggingapi tag-resources --region "${region}" --resource-arn-list "${ref.arn}" --tags ${json}`;
}
