// ARNs the way AWS writes them for the types the listers find, so that a lister's resource and
// the Tagging API's mapping of the same resource meet on one key.

export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export interface ArnParts {
  region: string;
  accountId: string;
}

/** arn:<partition>:<service>:<region>:<account>:<resource> */
export const arnOf = (service: string, { region, accountId }: ArnParts, resource: string): string =>
  `arn:${partitionOf(region)}:${service}:${region}:${accountId}:${resource}`;

/** EC2 snapshot ARNs carry no account, as AWS writes them. */
export const snapshotArn = ({ region }: ArnParts, id: string): string =>
  `arn:${partitionOf(region)}:ec2:${region}::snapshot/${id}`;

/** Bucket ARNs carry neither region nor account. */
export const bucketArn = (partition: string, name: string): string => `arn:${partition}:s3:::${name}`;

/**
 * Tags as the Tagging, EC2, RDS, S3 and DynamoDB APIs list them. A list read "raw"
 * (listers/projection.ts) may hold nulls where the SDK would leave a member out: read as absent.
 */
export function tagsFromList(
  list: readonly { Key?: string | null; Value?: string | null }[] | null | undefined,
) {
  const tags: Record<string, string> = {};
  for (const { Key, Value } of list ?? []) if (Key != null) tags[Key] = Value ?? "";
  return tags;
}

/** ECS spells them in lower case. */
export function tagsFromEcs(list: readonly { key?: string; value?: string }[] | undefined) {
  const tags: Record<string, string> = {};
  for (const { key, value } of list ?? []) if (key !== undefined) tags[key] = value ?? "";
  return tags;
}

export const isoOrNull = (date: Date | undefined): string | null =>
  date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
