// ECS (JSON 1.1): ListClusters, DescribeClusters, ListServices, DescribeServices,
// ListTaskDefinitions, DescribeTaskDefinition, with nextToken
// pagination, include ["TAGS"] and per-item failures as ECS reports them.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { intParam } from "../protocol/params";
import { arnAccount, optionalString, pageScope } from "./common";
import { clusterShape, clusters, requireCluster, serviceShape } from "./ecs/clusters";
import { describeTaskDefinition, taskDefinitionArns } from "./ecs/task-definitions";

const invalid = (message: string) => new AwsError("InvalidParameterException", message);
const CODE = "InvalidParameterException";

function stringList(input: OpInput, name: string): string[] {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw invalid(`${name} must be a list of strings.`);
  return value;
}

function includes(input: OpInput, allowed: string[]): string[] {
  const values = stringList(input, "include");
  for (const v of values)
    if (!allowed.includes(v))
      throw invalid(`Unsupported include value: ${v}. Valid values: ${allowed.join(", ")}`);
  return values;
}

function listPage<T>(ctx: OpContext, input: OpInput, operation: string, items: T[], defaultSize: number) {
  const size = intParam(input, "maxResults", { min: 1, max: 100, code: CODE }) ?? defaultSize;
  const scope = pageScope(ctx, operation, input, ["nextToken", "maxResults"]);
  return page(items, {
    token: optionalString(input, "nextToken"),
    size,
    scope,
    code: CODE,
    param: "nextToken",
  });
}

function describeClusters(ctx: OpContext, input: OpInput) {
  const refs = stringList(input, "clusters");
  if (refs.length > 100) throw invalid("Clusters cannot have more than 100 elements.");
  const include = includes(input, ["ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"]);
  const all = clusters(ctx);
  const found = [];
  const failures = [];
  for (const ref of refs.length ? refs : ["default"]) {
    // Another account's cluster is as missing as one that does not exist: nothing about it leaks.
    const cluster =
      arnAccount(ref) && arnAccount(ref) !== ctx.account.id
        ? undefined
        : all.find((c) => c.name === ref || c.arn === ref);
    if (cluster) found.push(clusterShape(cluster, include));
    else
      failures.push({
        arn: ref.startsWith("arn:") ? ref : `arn:aws:ecs:${ctx.region}:${ctx.account.id}:cluster/${ref}`,
        reason: "MISSING",
      });
  }
  return { clusters: found, failures };
}

function listServices(ctx: OpContext, input: OpInput) {
  const cluster = requireCluster(ctx, input.cluster, "ecs:ListServices");
  const launchType = optionalString(input, "launchType");
  const scheduling = optionalString(input, "schedulingStrategy");
  // Deleted (INACTIVE) services stay describable for a while but are no longer listed.
  const services = cluster.services
    .filter((s) => s.state !== "INACTIVE")
    .filter((s) => !launchType || String(s.attributes.launchType ?? "FARGATE") === launchType)
    .filter((s) => !scheduling || String(s.attributes.schedulingStrategy ?? "REPLICA") === scheduling)
    .map((s) => s.arn)
    .sort();
  const result = listPage(ctx, input, "ListServices", services, 10);
  return { serviceArns: result.items, ...(result.next ? { nextToken: result.next } : {}) };
}

function describeServices(ctx: OpContext, input: OpInput) {
  const cluster = requireCluster(ctx, input.cluster, "ecs:DescribeServices");
  const refs = stringList(input, "services");
  if (!refs.length) throw invalid("Services cannot be empty.");
  if (refs.length > 10) throw invalid("Services cannot have more than 10 elements.");
  const include = includes(input, ["TAGS"]);
  const found = [];
  const failures = [];
  for (const ref of refs) {
    const service = cluster.services.find((s) => s.id === ref || s.arn === ref);
    if (service) found.push(serviceShape(service, cluster, include));
    else {
      const arn = ref.startsWith("arn:")
        ? ref
        : `arn:aws:ecs:${ctx.region}:${ctx.account.id}:service/${cluster.name}/${ref}`;
      failures.push({ arn, reason: "MISSING" });
    }
  }
  return { services: found, failures };
}

export const ecs: OperationTable = {
  ListClusters: {
    action: "ecs:ListClusters",
    handle: (ctx, input) => {
      const result = listPage(
        ctx,
        input,
        "ListClusters",
        clusters(ctx).map((c) => c.arn),
        100,
      );
      return { clusterArns: result.items, ...(result.next ? { nextToken: result.next } : {}) };
    },
  },
  DescribeClusters: { action: "ecs:DescribeClusters", handle: describeClusters },
  ListServices: { action: "ecs:ListServices", handle: listServices },
  DescribeServices: { action: "ecs:DescribeServices", handle: describeServices },
  ListTaskDefinitions: {
    action: "ecs:ListTaskDefinitions",
    handle: (ctx, input) => {
      const result = listPage(ctx, input, "ListTaskDefinitions", taskDefinitionArns(ctx, input), 100);
      return { taskDefinitionArns: result.items, ...(result.next ? { nextToken: result.next } : {}) };
    },
  },
  DescribeTaskDefinition: { action: "ecs:DescribeTaskDefinition", handle: describeTaskDefinition },
};
