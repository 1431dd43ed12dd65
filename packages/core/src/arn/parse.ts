// Strict ARN syntax (TOOLS.md, validate_resource_tags). ARNs arrive from the model, so anything we
// cannot read with certainty is rejected with a reason it can act on, rather than guessed at.
import { classifyResource } from "./rules";

export const ARN_PARTITIONS = ["aws", "aws-cn", "aws-us-gov"] as const;
export type ArnPartition = (typeof ARN_PARTITIONS)[number];

export interface ParsedArn {
  partition: ArnPartition;
  service: string;
  /** "" for global services (s3, cloudfront, route53...). */
  region: string;
  /** "" when the ARN carries no account (s3 buckets, apigateway). */
  account: string;
  /** Everything after the fifth colon. */
  resource: string;
  /** Catalog type (cost-generating or free), or null when the ARN names something else. */
  resourceType: string | null;
  /** The short id (instance id, bucket or function name...); the whole resource part when untyped. */
  resourceId: string;
}

export type ArnErrorReason =
  | "malformed"
  | "invalid_partition"
  | "invalid_service"
  | "invalid_region"
  | "invalid_account"
  | "empty_resource"
  | "invalid_resource";

export type ArnParseResult =
  | { ok: true; arn: ParsedArn }
  | { ok: false; reason: ArnErrorReason; message: string };

/** IAM's documented ARN length limit. */
const MAX_ARN_LENGTH = 2048;
const SERVICE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
// An ARN pasted with a stray space or newline would match nothing yet read as valid: refuse it so
// the caller fixes the input. Control characters and whitespace other than a plain space never
// occur in a resource part; a plain space does only inside the names of services that allow one
// (CloudWatch alarm names are any UTF-8 without control characters; Glue job, crawler, database and
// table names are single-line strings), never at either end.
const CONTROL_OR_ODD_SPACE = /[\p{Cc}\s]/u;
const SPACE_IN_NAMES: ReadonlySet<string> = new Set(["cloudwatch", "glue"]);

function resourceHasBadWhitespace(service: string, resource: string): boolean {
  if (resource.trim() !== resource) return true;
  const rest = SPACE_IN_NAMES.has(service) ? resource.replaceAll(" ", "") : resource;
  return CONTROL_OR_ODD_SPACE.test(rest);
}

const fail = (reason: ArnErrorReason, message: string): ArnParseResult => ({ ok: false, reason, message });
const isPartition = (value: string): value is ArnPartition =>
  (ARN_PARTITIONS as readonly string[]).includes(value);

/** China and GovCloud regions exist only in their own partitions. */
function regionFitsPartition(partition: ArnPartition, region: string): boolean {
  if (region === "") return true;
  if (partition === "aws-cn") return region.startsWith("cn-");
  if (partition === "aws-us-gov") return region.startsWith("us-gov-");
  return !region.startsWith("cn-") && !region.startsWith("us-gov-");
}

export function parseArn(input: string): ArnParseResult {
  if (input.length > MAX_ARN_LENGTH)
    return fail("malformed", `ARN is longer than ${MAX_ARN_LENGTH} characters`);
  // The first five colons split the fields; the resource part may itself contain colons (rds
  // db:name, lambda function:name:alias). Found by index, not split and joined again: discovery
  // classifies every tagged ARN of a scan through here.
  const colons: number[] = [];
  for (let at = input.indexOf(":"); at !== -1 && colons.length < 5; at = input.indexOf(":", at + 1))
    colons.push(at);
  if (colons.length < 5 || input.slice(0, colons[0]) !== "arn") {
    return fail("malformed", "expected arn:partition:service:region:account:resource");
  }
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0] = colons;
  const partition = input.slice(c0 + 1, c1);
  const service = input.slice(c1 + 1, c2);
  const region = input.slice(c2 + 1, c3);
  const account = input.slice(c3 + 1, c4);
  const resource = input.slice(c4 + 1);
  if (!isPartition(partition)) {
    return fail("invalid_partition", `partition "${partition}" is not one of ${ARN_PARTITIONS.join(", ")}`);
  }
  if (!SERVICE.test(service))
    return fail("invalid_service", `service "${service}" must be lowercase (e.g. ec2)`);
  if (region !== "" && !REGION.test(region))
    return fail("invalid_region", `region "${region}" is not a region`);
  if (!regionFitsPartition(partition, region)) {
    return fail("invalid_region", `region "${region}" is not in partition ${partition}`);
  }
  if (account !== "" && !ACCOUNT.test(account)) {
    return fail("invalid_account", `account "${account}" must be 12 digits or empty`);
  }
  if (resource === "") return fail("empty_resource", "the resource part of the ARN is empty");
  if (resourceHasBadWhitespace(service, resource)) {
    return fail(
      "invalid_resource",
      `the resource part ${JSON.stringify(resource)} contains whitespace or a control character`,
    );
  }
  const classified = classifyResource(service, resource);
  return {
    ok: true,
    arn: {
      partition,
      service,
      region,
      account,
      resource,
      resourceType: classified?.type ?? null,
      resourceId: classified?.id ?? resource,
    },
  };
}
