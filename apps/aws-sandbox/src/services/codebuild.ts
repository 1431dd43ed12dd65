// CodeBuild projects (JSON 1.1, CodeBuild_20161006): ListProjects (names only, 100 a page,
// nextToken, sortBy NAME | CREATED_TIME | LAST_MODIFIED_TIME, sortOrder) and BatchGetProjects (1-100
// names or ARNs; each project with its tags inline as key/value pairs, unknown names in
// projectsNotFound). A project is deleted at once, so no listing shows a deleting one.
// moto 5.2 ignores a forged nextToken and lists from the start; here it is an InvalidInputException,
// the one client error the API reference lists for ListProjects.
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

const PROJECT = "codebuild:project";
const invalidInput = (message: string) => new AwsError("InvalidInputException", message);
const SORT_BY = ["NAME", "CREATED_TIME", "LAST_MODIFIED_TIME"];
const SORT_ORDER = ["ASCENDING", "DESCENDING"];

function oneOf(input: OpInput, name: string, allowed: string[], fallback: string): string {
  const value = optionalString(input, name) ?? fallback;
  if (!allowed.includes(value))
    throw invalidInput(
      `1 validation error detected: Value '${value}' at '${name}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(", ")}]`,
    );
  return value;
}

const modified = (r: Resource) => attr(r, "lastModified", createdAt(r));

function listProjects(ctx: OpContext, input: OpInput) {
  const sortBy = oneOf(input, "sortBy", SORT_BY, "NAME");
  const order = oneOf(input, "sortOrder", SORT_ORDER, "ASCENDING");
  const key = (r: Resource) =>
    sortBy === "NAME" ? r.id : sortBy === "CREATED_TIME" ? createdAt(r) : modified(r);
  const projects = regional(ctx, PROJECT).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (order === "DESCENDING") projects.reverse();
  const scope = pageScope(ctx, "ListProjects", input, ["nextToken"]);
  const result = page(
    projects.map((r) => r.id),
    {
      token: optionalString(input, "nextToken"),
      size: 100,
      scope,
      code: "InvalidInputException",
      param: "nextToken",
    },
  );
  return { projects: result.items, ...(result.next ? { nextToken: result.next } : {}) };
}

const project = (r: Resource) => ({
  name: r.id,
  arn: r.arn,
  source: { type: attr(r, "sourceType", "CODEPIPELINE") },
  artifacts: { type: attr(r, "artifactsType", "CODEPIPELINE") },
  environment: {
    type: "LINUX_CONTAINER",
    image: attr(r, "image", "aws/codebuild/standard:7.0"),
    computeType: attr(r, "computeType", "BUILD_GENERAL1_SMALL"),
    privilegedMode: false,
    imagePullCredentialsType: "CODEBUILD",
  },
  serviceRole: attr(r, "serviceRole", `arn:aws:iam::${r.account_id}:role/service-role/codebuild-${r.id}`),
  timeoutInMinutes: 60,
  queuedTimeoutInMinutes: 480,
  encryptionKey: `arn:aws:kms:${r.region}:${r.account_id}:alias/aws/s3`,
  tags: Object.entries(r.tags).map(([key, value]) => ({ key, value })),
  created: epochSeconds(createdAt(r)),
  lastModified: epochSeconds(modified(r)),
  badge: { badgeEnabled: false },
  projectVisibility: "PRIVATE",
});

function batchGetProjects(ctx: OpContext, input: OpInput) {
  const names = input.names;
  if (!Array.isArray(names) || names.length < 1 || names.length > 100)
    throw invalidInput(
      `1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length ${Array.isArray(names) && names.length > 100 ? "less than or equal to 100" : "greater than or equal to 1"}`,
    );
  const mine = regional(ctx, PROJECT);
  const projects: ReturnType<typeof project>[] = [];
  const projectsNotFound: string[] = [];
  for (const ref of names.map(String)) {
    if (ref.startsWith("arn:") && arnAccount(ref) !== ctx.account.id)
      throw crossAccountDenied(ctx, "codebuild:BatchGetProjects", ref);
    const found = mine.find((r) => r.id === ref || r.arn === ref);
    if (found) projects.push(project(found));
    else projectsNotFound.push(ref);
  }
  return { projects, projectsNotFound };
}

export const codebuild: OperationTable = {
  ListProjects: { action: "codebuild:ListProjects", handle: listProjects },
  BatchGetProjects: { action: "codebuild:BatchGetProjects", handle: batchGetProjects },
};
