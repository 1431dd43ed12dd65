// ECS task definitions: ListTaskDefinitions (familyPrefix, status, sort, nextToken/maxResults) and
// DescribeTaskDefinition (family, family:revision or ARN; include ["TAGS"] puts tags beside the
// definition). Seeded as ecs:task-definition resources whose id is "family:revision".
import { AwsError } from "../../errors";
import type { OpContext, OpInput } from "../../protocol/operation";
import type { Resource } from "../../world/world";
import {
  arnAccount,
  attr,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  regional,
} from "../common";

const client = (message: string) => new AwsError("ClientException", message);
const invalid = (message: string) => new AwsError("InvalidParameterException", message);

const familyOf = (r: Resource) => r.id.split(":")[0] ?? r.id;
const revisionOf = (r: Resource) => Number(r.id.split(":")[1] ?? 1);
const statusOf = (r: Resource) => r.state ?? "ACTIVE";

/** AWS orders by family, then revision (numerically). */
function ordered(ctx: OpContext): Resource[] {
  return regional(ctx, "ecs:task-definition").sort((a, b) => {
    const byFamily = familyOf(a) < familyOf(b) ? -1 : familyOf(a) > familyOf(b) ? 1 : 0;
    return byFamily || revisionOf(a) - revisionOf(b);
  });
}

/** The ARNs ListTaskDefinitions returns, before paging. */
export function taskDefinitionArns(ctx: OpContext, input: OpInput): string[] {
  const status = optionalString(input, "status") ?? "ACTIVE";
  if (!["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"].includes(status))
    throw invalid(`Unsupported status value: ${status}. Valid values: ACTIVE, INACTIVE, DELETE_IN_PROGRESS`);
  const sort = optionalString(input, "sort") ?? "ASC";
  if (sort !== "ASC" && sort !== "DESC")
    throw invalid(`Unsupported sort value: ${sort}. Valid values: ASC, DESC`);
  const prefix = optionalString(input, "familyPrefix");
  const arns = ordered(ctx)
    .filter((r) => statusOf(r) === status)
    .filter((r) => prefix === undefined || familyOf(r).startsWith(prefix))
    .map((r) => r.arn);
  return sort === "DESC" ? arns.reverse() : arns;
}

/** The definition a reference names: "family" means its latest ACTIVE revision. */
function find(ctx: OpContext, ref: string): Resource | undefined {
  if (ref.startsWith("arn:")) {
    if (arnAccount(ref) !== ctx.account.id) throw crossAccountDenied(ctx, "ecs:DescribeTaskDefinition", ref);
    return ordered(ctx).find((r) => r.arn === ref);
  }
  if (ref.includes(":")) return ordered(ctx).find((r) => r.id === ref);
  return ordered(ctx)
    .filter((r) => familyOf(r) === ref && statusOf(r) === "ACTIVE")
    .pop();
}

export function describeTaskDefinition(ctx: OpContext, input: OpInput) {
  const ref = optionalString(input, "taskDefinition");
  if (!ref) throw invalid("Task Definition can not be blank.");
  const include = input.include ?? [];
  if (!Array.isArray(include) || !include.every((v) => v === "TAGS"))
    throw invalid("Unsupported include value. Valid values: TAGS");
  const r = find(ctx, ref);
  if (!r) throw client("Unable to describe task definition.");
  return {
    taskDefinition: {
      taskDefinitionArn: r.arn,
      family: familyOf(r),
      revision: revisionOf(r),
      status: statusOf(r),
      containerDefinitions: [
        { name: familyOf(r), image: attr(r, "image", "public.ecr.aws/nginx/nginx:latest"), essential: true },
      ],
      networkMode: attr(r, "networkMode", "awsvpc"),
      requiresCompatibilities: attr(r, "requiresCompatibilities", ["FARGATE"]),
      cpu: attr(r, "cpu", "256"),
      memory: attr(r, "memory", "512"),
      volumes: [],
      placementConstraints: [],
      registeredAt: epochSeconds(createdAt(r)),
    },
    ...(include.includes("TAGS")
      ? { tags: Object.entries(r.tags).map(([key, value]) => ({ key, value })) }
      : {}),
  };
}
