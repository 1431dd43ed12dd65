// Lambda (REST-JSON): ListFunctions (Marker/MaxItems, NextMarker) and ListTags. Operations are
// found from method + path, as API Gateway-style REST services are addressed.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  attr,
  createdAt,
  crossAccountDenied,
  optionalString,
  pageScope,
  regional,
  stableHex,
} from "./common";

const FUNCTION_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]+))?$/;

/** Lambda returns at most 50 functions a page, even when MaxItems asks for more. */
const PAGE_LIMIT = 50;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function routeLambda(
  request: IncomingSigned,
): { name: string; input: Record<string, unknown> } | undefined {
  if (request.method !== "GET") return undefined;
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.query)) query[key] = first(value);
  let segments: string[];
  try {
    // Split before decoding: an encoded "/" inside a label must stay inside it.
    segments = request.path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [version, collection, label, ...rest] = segments;
  if (version === "2015-03-31" && collection === "functions" && label === undefined)
    return { name: "ListFunctions", input: query };
  if (version === "2017-03-31" && collection === "tags" && label !== undefined && !rest.length) {
    return { name: "ListTags", input: { ...query, Resource: label } };
  }
  return undefined;
}

const validation = (message: string) => new AwsError("ValidationException", message);

/** AWS writes LastModified as 2026-01-05T10:00:00.000+0000. */
const lastModified = (r: Resource) => new Date(createdAt(r)).toISOString().replace("Z", "+0000");

function functionConfiguration(r: Resource) {
  return {
    FunctionName: r.id,
    FunctionArn: r.arn,
    Runtime: attr(r, "Runtime", "nodejs20.x"),
    Role: attr(r, "Role", `arn:aws:iam::${r.account_id}:role/${r.id}-role`),
    Handler: attr(r, "Handler", "index.handler"),
    CodeSize: attr(r, "CodeSize", 1024),
    Description: attr(r, "Description", ""),
    Timeout: attr(r, "Timeout", 3),
    MemorySize: attr(r, "MemorySize", 128),
    LastModified: lastModified(r),
    CodeSha256: Buffer.from(stableHex(`${r.arn}:code`, 64), "hex").toString("base64"),
    Version: "$LATEST",
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: stableHex(`${r.arn}:revision`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-"),
    PackageType: attr(r, "PackageType", "Zip"),
    Architectures: attr(r, "Architectures", ["x86_64"]),
    EphemeralStorage: { Size: 512 },
  };
}

function listFunctions(ctx: OpContext, input: OpInput) {
  const raw = input.MaxItems;
  let size = PAGE_LIMIT;
  if (raw !== undefined) {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 10_000) {
      const bound = value < 1 ? "greater than or equal to 1" : "less than or equal to 10000";
      throw validation(
        `1 validation error detected: Value '${String(raw)}' at 'maxItems' failed to satisfy constraint: Member must have value ${bound}`,
      );
    }
    size = Math.min(value, PAGE_LIMIT);
  }
  const version = optionalString(input, "FunctionVersion");
  if (version !== undefined && version !== "ALL") {
    throw validation(
      `1 validation error detected: Value '${version}' at 'functionVersion' failed to satisfy enum value set: [ALL]`,
    );
  }
  const functions = regional(ctx, "lambda:function");
  const scope = pageScope(ctx, "ListFunctions", input, ["Marker", "MaxItems"]);
  const token = optionalString(input, "Marker");
  const result = page(functions, {
    token,
    size,
    scope,
    code: "InvalidParameterValueException",
    param: "Marker",
  });
  return {
    Functions: result.items.map(functionConfiguration),
    ...(result.next ? { NextMarker: result.next } : {}),
  };
}

function listTags(ctx: OpContext, input: OpInput) {
  const arn = String(input.Resource ?? "");
  if (!FUNCTION_ARN.test(arn)) {
    throw validation(
      `1 validation error detected: Value '${arn}' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
    );
  }
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "lambda:ListTags", arn);
  // Tags belong to the function, so a qualified ARN (version or alias) answers the function's tags.
  const unqualified = arn.split(":").slice(0, 7).join(":");
  const fn = regional(ctx, "lambda:function").find((r) => r.arn === unqualified);
  if (!fn) throw new AwsError("ResourceNotFoundException", `Function not found: ${unqualified}`, 404);
  return { Tags: { ...fn.tags } };
}

export const lambda: OperationTable = {
  ListFunctions: { action: "lambda:ListFunctions", handle: listFunctions },
  ListTags: { action: "lambda:ListTags", handle: listTags },
};
