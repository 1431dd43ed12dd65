// Agents for Amazon Bedrock (REST-JSON, signed as "bedrock"): ListAgents, POST /agents/, and
// ListKnowledgeBases, POST /knowledgebases/ (maxResults 1-1000 and nextToken in the JSON body;
// summaries carry neither ARN nor tags), and ListTagsForResource, GET /tags/{resourceArn}, which
// answers the tags as a map. A DELETING agent or knowledge base is still listed with that status.
// Checked against moto 5.2, which differs where the API model says otherwise: moto spells a
// knowledge base's status "Active" (AWS: ACTIVE), answers ResourceNotFoundException with 400 (the
// model: 404), and derives ids from the name (AWS: 10 upper-case letters and digits).
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
} from "./common";

const AGENT = "bedrock:agent";
const KNOWLEDGE_BASE = "bedrock:knowledge-base";
const ARN =
  /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:(agent|agent-alias|knowledge-base|flow|prompt)\/.+$/;
const validation = (message: string) => new AwsError("ValidationException", message);

export function routeBedrockAgent(request: IncomingSigned): { name: string; input: OpInput } | undefined {
  let segments: string[];
  try {
    segments = request.path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [collection, arn, ...rest] = segments;
  if (request.method === "POST" && segments.length === 1) {
    let body: OpInput = {};
    try {
      const parsed: unknown = request.body.length ? JSON.parse(request.body.toString("utf8")) : {};
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as OpInput;
    } catch {
      return undefined;
    }
    if (collection === "agents") return { name: "ListAgents", input: body };
    if (collection === "knowledgebases") return { name: "ListKnowledgeBases", input: body };
  }
  if (request.method === "GET" && collection === "tags" && arn !== undefined && !rest.length)
    return { name: "ListTagsForResource", input: { resourceArn: arn } };
  return undefined;
}

/**
 * AWS documents no default page size for these list calls; 10 here, so a caller that sends no
 * maxResults still pages.
 */
function listPage<T>(ctx: OpContext, operation: string, input: OpInput, items: readonly T[]) {
  const raw = input.maxResults;
  let size = 10;
  if (raw !== undefined && raw !== null) {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 1000)
      throw validation(
        `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value ${value < 1 ? "greater than or equal to 1" : "less than or equal to 1000"}`,
      );
    size = value;
  }
  const scope = pageScope(ctx, operation, input, ["nextToken", "maxResults"]);
  const token = optionalString(input, "nextToken");
  const result = page(items, { token, size, scope, code: "ValidationException", param: "nextToken" });
  return { items: result.items, more: result.next ? { nextToken: result.next } : {} };
}

/** REST-JSON timestamps here are ISO 8601 date-time strings, as the API reference shows. */
const updatedAt = (r: Resource) => new Date(attr(r, "updatedAt", createdAt(r))).toISOString();

const agentSummary = (r: Resource) => ({
  agentId: r.id,
  agentName: attr(r, "agentName", r.id.toLowerCase()),
  agentStatus: r.state ?? "PREPARED",
  latestAgentVersion: attr(r, "latestAgentVersion", "DRAFT"),
  updatedAt: updatedAt(r),
});

const knowledgeBaseSummary = (r: Resource) => ({
  knowledgeBaseId: r.id,
  name: attr(r, "name", r.id.toLowerCase()),
  status: r.state ?? "ACTIVE",
  updatedAt: updatedAt(r),
});

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const arn = String(input.resourceArn ?? "");
  if (!ARN.test(arn))
    throw validation(
      `1 validation error detected: Value '${arn}' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern`,
    );
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "bedrock:ListTagsForResource", arn);
  const resource = [...regional(ctx, AGENT), ...regional(ctx, KNOWLEDGE_BASE)].find((r) => r.arn === arn);
  if (!resource) throw new AwsError("ResourceNotFoundException", `Resource ${arn} not found.`, 404);
  return { tags: resource.tags };
}

export const bedrockAgent: OperationTable = {
  ListAgents: {
    action: "bedrock:ListAgents",
    handle: (ctx, input) => {
      const result = listPage(ctx, "ListAgents", input, regional(ctx, AGENT).map(agentSummary));
      return { agentSummaries: result.items, ...result.more };
    },
  },
  ListKnowledgeBases: {
    action: "bedrock:ListKnowledgeBases",
    handle: (ctx, input) => {
      const items = regional(ctx, KNOWLEDGE_BASE).map(knowledgeBaseSummary);
      const result = listPage(ctx, "ListKnowledgeBases", input, items);
      return { knowledgeBaseSummaries: result.items, ...result.more };
    },
  },
  ListTagsForResource: { action: "bedrock:ListTagsForResource", handle: listTagsForResource },
};
