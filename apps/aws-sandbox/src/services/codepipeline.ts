// CodePipeline (JSON 1.1, CodePipeline_20150709): ListPipelines (maxResults 1-1000, nextToken),
// whose summaries carry no tags, and ListTagsForResource (resourceArn, maxResults 1-100), for the
// caller's pipelines in the signed region. A pipeline's ARN is arn:aws:codepipeline:<r>:<a>:<name>.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  attr,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  pageScope,
  regional,
} from "./common";

/**
 * The API reference names no default page size and moto 5.2 ignores maxResults altogether (one
 * page); 100 here, so that a walk without maxResults still pages.
 */
const DEFAULT_PAGE = 100;
const PIPELINE_ARN = /^arn:aws(-[a-z-]+)?:codepipeline:[a-z0-9-]+:\d{12}:[A-Za-z0-9.@\-_]+$/;

const validation = (message: string) => new AwsError("ValidationException", message);

function maxResults(input: OpInput, max: number, fallback: number): number {
  const raw = input.maxResults;
  if (raw === undefined || raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw validation(
      `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value ${value < 1 ? "greater than or equal to 1" : `less than or equal to ${max}`}`,
    );
  return value;
}

function pipelinePage<T>(
  ctx: OpContext,
  operation: string,
  input: OpInput,
  items: readonly T[],
  size: number,
) {
  const result = page(items, {
    token: optionalString(input, "nextToken"),
    size,
    scope: pageScope(ctx, operation, input, ["nextToken", "maxResults"]),
    code: "InvalidNextTokenException",
    param: "nextToken",
  });
  return { items: result.items, ...(result.next ? { nextToken: result.next } : {}) };
}

const summary = (r: Resource) => ({
  name: r.id,
  version: attr(r, "version", 1),
  pipelineType: attr(r, "pipelineType", "V2"),
  executionMode: attr(r, "executionMode", "QUEUED"),
  created: epochSeconds(createdAt(r)),
  updated: epochSeconds(attr(r, "updated", createdAt(r))),
});

function listPipelines(ctx: OpContext, input: OpInput) {
  const size = maxResults(input, 1000, DEFAULT_PAGE);
  const pipelines = regional(ctx, "codepipeline:pipeline");
  const { items, ...next } = pipelinePage(ctx, "ListPipelines", input, pipelines, size);
  return { pipelines: items.map(summary), ...next };
}

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const arn = optionalString(input, "resourceArn");
  if (!arn)
    throw validation(
      "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null",
    );
  if (!PIPELINE_ARN.test(arn)) throw new AwsError("InvalidArnException", `The ARN ${arn} is not valid.`);
  if (arnAccount(arn) !== ctx.account.id)
    throw crossAccountDenied(ctx, "codepipeline:ListTagsForResource", arn);
  const pipeline = regional(ctx, "codepipeline:pipeline").find((r) => r.arn === arn);
  if (!pipeline)
    throw new AwsError(
      "ResourceNotFoundException",
      `The account with id '${ctx.account.id}' does not include a pipeline with the name '${arn.split(":").pop()}'`,
    );
  const tags = Object.entries(pipeline.tags).map(([key, value]) => ({ key, value }));
  const { items, ...next } = pipelinePage(
    ctx,
    "ListTagsForResource",
    input,
    tags,
    maxResults(input, 100, 50),
  );
  return { tags: items, ...next };
}

export const codepipeline: OperationTable = {
  ListPipelines: { action: "codepipeline:ListPipelines", handle: listPipelines },
  ListTagsForResource: { action: "codepipeline:ListTagsForResource", handle: listTagsForResource },
};
