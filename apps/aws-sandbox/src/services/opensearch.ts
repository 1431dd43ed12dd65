// OpenSearch Service (REST-JSON, signing name "es"): ListDomainNames, GET /2021-01-01/domain (every
// domain at once, no pagination), DescribeDomains, POST /2021-01-01/opensearch/domain-info (1 to 5
// names; unknown names are left out of the answer), and ListTags, GET /2021-01-01/tags/?arn=.
// A domain seeded as "deleted" is still listed while AWS deletes it, and described with Deleted true.
// moto 5.2 answers ListTags for an unknown domain with an empty TagList; AWS documents
// ResourceNotFoundException (HTTP 409), which the sandbox follows.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import type { Resource } from "../world/world";
import { arnAccount, attr, crossAccountDenied, optionalString, regional, stableHex } from "./common";

const TYPE = "opensearch:domain";
const validation = (message: string) => new AwsError("ValidationException", message);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function body(request: IncomingSigned): OpInput | undefined {
  if (!request.body.length) return {};
  try {
    const value: unknown = JSON.parse(request.body.toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as OpInput) : undefined;
  } catch {
    return undefined;
  }
}

export function routeOpenSearch(request: IncomingSigned): { name: string; input: OpInput } | undefined {
  const query: OpInput = {};
  for (const [key, value] of Object.entries(request.query)) query[key] = first(value);
  const path = request.path.replace(/\/+$/, "");
  if (request.method === "GET" && path === "/2021-01-01/domain")
    return { name: "ListDomainNames", input: query };
  if (request.method === "GET" && path === "/2021-01-01/tags") return { name: "ListTags", input: query };
  if (request.method === "POST" && path === "/2021-01-01/opensearch/domain-info") {
    const input = body(request);
    return input ? { name: "DescribeDomains", input } : undefined;
  }
  return undefined;
}

const engineVersion = (r: Resource) => attr(r, "EngineVersion", "OpenSearch_2.13");
const deleted = (r: Resource) => r.state === "deleted";

function status(r: Resource) {
  return {
    DomainId: `${r.account_id}/${r.id}`,
    DomainName: r.id,
    ARN: r.arn,
    Created: true,
    Deleted: deleted(r),
    Processing: deleted(r),
    UpgradeProcessing: false,
    DomainProcessingStatus: deleted(r) ? "Deleting" : "Active",
    EngineVersion: engineVersion(r),
    Endpoint: `search-${r.id}-${stableHex(r.arn, 26)}.${r.region}.es.amazonaws.com`,
    ClusterConfig: {
      InstanceType: attr(r, "InstanceType", "r6g.large.search"),
      InstanceCount: attr(r, "InstanceCount", 1),
      DedicatedMasterEnabled: false,
      ZoneAwarenessEnabled: false,
    },
    EBSOptions: { EBSEnabled: true, VolumeType: "gp3", VolumeSize: 10 },
  };
}

function describeDomains(ctx: OpContext, input: OpInput) {
  const names = input.DomainNames;
  if (!Array.isArray(names) || !names.every((n) => typeof n === "string"))
    throw validation(
      "1 validation error detected: Value null at 'domainNames' failed to satisfy constraint: Member must not be null",
    );
  if (names.length < 1 || names.length > 5)
    throw validation(
      `1 validation error detected: Value '[${names.join(", ")}]' at 'domainNames' failed to satisfy constraint: Member must have length ${names.length < 1 ? "greater than or equal to 1" : "less than or equal to 5"}`,
    );
  const domains = regional(ctx, TYPE);
  return {
    DomainStatusList: names.flatMap((name) => domains.filter((r) => r.id === name).map(status)),
  };
}

function listTags(ctx: OpContext, input: OpInput) {
  const arn = optionalString(input, "arn");
  if (!arn || arn.length < 20)
    throw validation(
      "1 validation error detected: Value at 'arn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "es:ListTags", arn);
  const domain = regional(ctx, TYPE).find((r) => r.arn === arn);
  // AWS documents ResourceNotFoundException with HTTP 409 for ListTags.
  if (!domain)
    throw new AwsError("ResourceNotFoundException", `Domain not found: ${arn.split("/").pop()}`, 409);
  return { TagList: Object.entries(domain.tags).map(([Key, Value]) => ({ Key, Value })) };
}

export const opensearch: OperationTable = {
  ListDomainNames: {
    action: "es:ListDomainNames",
    handle: (ctx, input) => {
      const engine = optionalString(input, "engineType");
      if (engine && engine !== "OpenSearch" && engine !== "Elasticsearch")
        throw validation(
          `1 validation error detected: Value '${engine}' at 'engineType' failed to satisfy constraint: Member must satisfy enum value set: [OpenSearch, Elasticsearch]`,
        );
      const domains = regional(ctx, TYPE).map((r) => ({
        DomainName: r.id,
        EngineType: engineVersion(r).startsWith("Elasticsearch_") ? "Elasticsearch" : "OpenSearch",
      }));
      return { DomainNames: engine ? domains.filter((d) => d.EngineType === engine) : domains };
    },
  },
  DescribeDomains: { action: "es:DescribeDomains", handle: describeDomains },
  ListTags: { action: "es:ListTags", handle: listTags },
};
