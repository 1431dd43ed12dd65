// SageMaker (JSON 1.1, target prefix "SageMaker"): ListEndpoints and ListNotebookInstances
// (MaxResults 1-100, 10 by default, NextToken; CreationTime descending unless SortBy/SortOrder say
// otherwise; NameContains and StatusEquals filters), whose summaries carry no tags, and ListTags
// (ResourceArn, MaxResults of at least 50, NextToken) for the caller's endpoints and notebook
// instances in the signed region. A Deleting resource is still listed, with that status, until it
// is gone, as AWS does.
// Checked against moto 5.2, which differs where AWS documents otherwise: moto keeps the name's case
// in the ARN (AWS lower-cases it), accepts MaxResults over 100, and answers a forged NextToken with
// "InvalidToken" (here ValidationException, SageMaker's one error for a bad parameter).
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

const ENDPOINT = "sagemaker:endpoint";
const NOTEBOOK = "sagemaker:notebook-instance";
const ARN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+$/;
const validation = (message: string) => new AwsError("ValidationException", message);

function maxResults(input: OpInput, min: number, max: number | undefined, fallback: number): number {
  const raw = input.MaxResults;
  if (raw === undefined || raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    const bound = value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
    throw validation(
      `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return value;
}

/** The list operations' filters and order: newest first by default, as the API reference says. */
function listed(ctx: OpContext, input: OpInput, type: string, defaultStatus: string): Resource[] {
  const contains = optionalString(input, "NameContains");
  const status = optionalString(input, "StatusEquals");
  const sortBy = optionalString(input, "SortBy") ?? "CreationTime";
  const ascending = optionalString(input, "SortOrder") === "Ascending";
  if (!["Name", "CreationTime", "Status"].includes(sortBy))
    throw validation(
      `1 validation error detected: Value '${sortBy}' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, CreationTime, Status]`,
    );
  const key = (r: Resource) =>
    sortBy === "Name" ? r.id : sortBy === "Status" ? (r.state ?? defaultStatus) : createdAt(r);
  const items = regional(ctx, type)
    .filter(
      (r) =>
        (contains === undefined || r.id.includes(contains)) &&
        (!status || (r.state ?? defaultStatus) === status),
    )
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
  return ascending ? items : items.reverse();
}

function listPage<T>(ctx: OpContext, operation: string, input: OpInput, items: readonly T[], size: number) {
  const scope = pageScope(ctx, operation, input, ["NextToken", "MaxResults"]);
  const token = optionalString(input, "NextToken");
  const result = page(items, { token, size, scope, code: "ValidationException", param: "NextToken" });
  return { items: result.items, more: result.next ? { NextToken: result.next } : {} };
}

const endpointSummary = (r: Resource) => ({
  EndpointName: r.id,
  EndpointArn: r.arn,
  CreationTime: epochSeconds(createdAt(r)),
  LastModifiedTime: epochSeconds(attr(r, "LastModifiedTime", createdAt(r))),
  EndpointStatus: r.state ?? "InService",
});

const notebookSummary = (r: Resource) => ({
  NotebookInstanceName: r.id,
  NotebookInstanceArn: r.arn,
  NotebookInstanceStatus: r.state ?? "InService",
  Url: `${r.id}.notebook.${r.region}.sagemaker.aws`,
  InstanceType: attr(r, "InstanceType", "ml.t3.medium"),
  CreationTime: epochSeconds(createdAt(r)),
  LastModifiedTime: epochSeconds(attr(r, "LastModifiedTime", createdAt(r))),
});

function listTags(ctx: OpContext, input: OpInput) {
  const arn = optionalString(input, "ResourceArn");
  if (!arn)
    throw validation(
      "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null",
    );
  if (!ARN.test(arn))
    throw validation(
      `1 validation error detected: Value '${arn}' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+`,
    );
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "sagemaker:ListTags", arn);
  // SageMaker answers ValidationException, not a not-found error, for a resource that is gone.
  const resource = [...regional(ctx, ENDPOINT), ...regional(ctx, NOTEBOOK)].find((r) => r.arn === arn);
  if (!resource) throw validation(`Resource ${arn} does not exist.`);
  const tags = Object.entries(resource.tags).map(([Key, Value]) => ({ Key, Value }));
  const result = listPage(ctx, "ListTags", input, tags, maxResults(input, 50, undefined, 50));
  return { Tags: result.items, ...result.more };
}

export const sagemaker: OperationTable = {
  ListEndpoints: {
    action: "sagemaker:ListEndpoints",
    handle: (ctx, input) => {
      const items = listed(ctx, input, ENDPOINT, "InService").map(endpointSummary);
      const result = listPage(ctx, "ListEndpoints", input, items, maxResults(input, 1, 100, 10));
      return { Endpoints: result.items, ...result.more };
    },
  },
  ListNotebookInstances: {
    action: "sagemaker:ListNotebookInstances",
    handle: (ctx, input) => {
      const items = listed(ctx, input, NOTEBOOK, "InService").map(notebookSummary);
      const result = listPage(ctx, "ListNotebookInstances", input, items, maxResults(input, 1, 100, 10));
      return { NotebookInstances: result.items, ...result.more };
    },
  },
  ListTags: { action: "sagemaker:ListTags", handle: listTags },
};
