// API Gateway REST APIs (REST-JSON, signing name "apigateway"): GetRestApis, GET /restapis (limit
// 1-500, default 25, position), each RestApi with its tags inline. IAM authorizes every management
// read as the action "apigateway:GET" on the path's ARN (arn:aws:apigateway:<region>::/restapis),
// which is how a policy can allow this listing without allowing GET on API keys. A REST API is
// deleted at once, so no listing shows a deleting one.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { attr, createdAt, epochSeconds, optionalString, pageScope, regional, stableHex } from "./common";

const REST_API = "apigateway:restapi";
const badRequest = (message: string) => new AwsError("BadRequestException", message);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function routeApiGateway(
  request: IncomingSigned,
): { name: string; input: Record<string, unknown> } | undefined {
  if (request.method !== "GET") return undefined;
  const segments = request.path.split("/").filter(Boolean);
  if (segments.length !== 1 || segments[0] !== "restapis") return undefined;
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.query)) input[key] = first(value);
  return { name: "GetRestApis", input };
}

function pageSize(input: OpInput): number {
  const raw = input.limit;
  if (raw === undefined || raw === "") return 25;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 500)
    throw badRequest(
      `1 validation error detected: Value '${String(raw)}' at 'limit' failed to satisfy constraint: Member must have value ${value < 1 ? "greater than or equal to 1" : "less than or equal to 500"}`,
    );
  return value;
}

// moto answers "tags": {} for an untagged API; AWS leaves the member out, as here.
const restApi = (r: Resource) => ({
  id: r.id,
  name: attr(r, "name", r.id),
  createdDate: epochSeconds(createdAt(r)),
  apiKeySource: "HEADER",
  endpointConfiguration: { types: [attr(r, "endpointType", "REGIONAL")] },
  disableExecuteApiEndpoint: false,
  rootResourceId: stableHex(r.arn, 10),
  ...(Object.keys(r.tags).length ? { tags: { ...r.tags } } : {}),
});

function getRestApis(ctx: OpContext, input: OpInput) {
  const size = pageSize(input);
  const scope = pageScope(ctx, "GetRestApis", input, ["position", "limit"]);
  const result = page(regional(ctx, REST_API), {
    token: optionalString(input, "position"),
    size,
    scope,
    code: "BadRequestException",
    param: "position",
  });
  // The wire name of the list is "item"; SDKs expose it as `items`.
  return { item: result.items.map(restApi), ...(result.next ? { position: result.next } : {}) };
}

export const apigateway: OperationTable = {
  GetRestApis: {
    action: "apigateway:GET",
    handle: getRestApis,
    resource: (ctx) => `arn:aws:apigateway:${ctx.region}::/restapis`,
  },
};
