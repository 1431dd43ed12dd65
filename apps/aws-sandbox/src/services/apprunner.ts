// AWS App Runner (JSON 1.0, AppRunner): ListServices (MaxResults 1-20; without it, every service in
// one answer; NextToken) with each service's ARN, id, status and creation time, and
// ListTagsForResource (ResourceArn), for the caller's services in the signed region. Service ARNs are
// service/<name>/<32 hex digits of service id>. moto 5.2 does not implement App Runner.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  pageScope,
  regional,
} from "./common";

const SERVICE = "apprunner:service";
const serviceId = (r: Resource) => r.arn.slice(r.arn.lastIndexOf("/") + 1);

const summary = (r: Resource) => ({
  ServiceName: r.id,
  ServiceId: serviceId(r),
  ServiceArn: r.arn,
  ServiceUrl: `${serviceId(r).slice(0, 10)}.${r.region}.awsapprunner.com`,
  CreatedAt: epochSeconds(createdAt(r)),
  UpdatedAt: epochSeconds(createdAt(r)),
  Status: r.state ?? "RUNNING",
});

function listServices(ctx: OpContext, input: OpInput) {
  const services = regional(ctx, SERVICE);
  let size = services.length || 1;
  if (input.MaxResults !== undefined && input.MaxResults !== null) {
    const value = Number(input.MaxResults);
    if (!Number.isInteger(value) || value < 1 || value > 20) {
      const bound = value < 1 ? "greater than or equal to 1" : "less than or equal to 20";
      throw new AwsError(
        "ValidationException",
        `1 validation error detected: Value '${String(input.MaxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`,
      );
    }
    size = value;
  }
  const scope = pageScope(ctx, "ListServices", input, ["NextToken", "MaxResults"]);
  const token = optionalString(input, "NextToken");
  const result = page(services, { token, size, scope, code: "InvalidRequestException", param: "NextToken" });
  return {
    ServiceSummaryList: result.items.map(summary),
    ...(result.next ? { NextToken: result.next } : {}),
  };
}

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const arn = optionalString(input, "ResourceArn") ?? "";
  if (!arn.startsWith("arn:")) throw new AwsError("InvalidRequestException", `Invalid ARN: ${arn}`);
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "apprunner:ListTagsForResource", arn);
  const service = regional(ctx, SERVICE).find((r) => r.arn === arn);
  if (!service) throw new AwsError("ResourceNotFoundException", `Resource ${arn} is not found`);
  return { Tags: Object.entries(service.tags).map(([Key, Value]) => ({ Key, Value })) };
}

export const apprunner: OperationTable = {
  ListServices: { action: "apprunner:ListServices", handle: listServices },
  ListTagsForResource: { action: "apprunner:ListTagsForResource", handle: listTagsForResource },
};
