// Where a resource's human name comes from when it has no Name tag. For S3 buckets, Lambda
// functions, DynamoDB tables... the name is in the ARN; EC2 ids (i-0abc...) are not names.

/** The resource part of an ARN: everything after partition:service:region:account. */
export function arnResource(arn: string): string {
  const parts = arn.split(":");
  return parts.length > 5 ? parts.slice(5).join(":") : "";
}

/** Generated ids carry no meaning: i-0abc1234, vol-..., 50dc6c495c0c9188, 3, UUIDs. */
const GENERATED_ID = [
  /^[a-z]+-[0-9a-f]{8,}$/i,
  /^[0-9a-f]{12,}$/i,
  /^\d+$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
];
const isGeneratedId = (segment: string): boolean => GENERATED_ID.some((pattern) => pattern.test(segment));

/** The name an ARN gives its resource, or null when it only holds a generated id. */
export function nameFromArn(arn: string): string | null {
  const service = arn.split(":")[2] ?? "";
  const resource = arnResource(arn);
  if (resource === "") return null;
  // arn:aws:s3:::bucket-name — the whole resource part is the bucket (an object key would follow "/").
  if (service === "s3") return resource.split("/")[0] || null;
  const segments = resource.split(/[/:]/).filter((segment) => segment !== "");
  // function:NAME[:alias]: a Lambda alias ARN still names the function.
  if (service === "lambda" && segments[0] === "function") return segments[1] ?? null;
  // The first segment is the resource kind ("instance", "table", "loadbalancer") unless it is alone.
  const candidates = segments.length > 1 ? segments.slice(1) : segments;
  return [...candidates].reverse().find((segment) => !isGeneratedId(segment)) ?? null;
}
