// The caller's ECS clusters and services in the signed region, and their JSON shapes.
import { AwsError } from "../../errors";
import type { OpContext } from "../../protocol/operation";
import { arnFor } from "../../world/arn";
import type { Resource } from "../../world/world";
import { arnAccount, attr, createdAt, crossAccountDenied, epochSeconds, regional } from "../common";

export interface EcsCluster {
  name: string;
  arn: string;
  status: string;
  tags: Record<string, string>;
  services: Resource[];
}

const ecsTags = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));
export const serviceCluster = (s: Resource) => String(s.attributes.cluster ?? "default");

/**
 * Seeded ecs:cluster resources plus any cluster a seeded service names: in AWS a service cannot
 * outlive its cluster, so a seed that only lists services still gets a cluster to list them from.
 * Such implied clusters carry no tags.
 */
export function clusters(ctx: OpContext): EcsCluster[] {
  const byName = new Map<string, EcsCluster>();
  for (const r of regional(ctx, "ecs:cluster")) {
    byName.set(r.id, { name: r.id, arn: r.arn, status: r.state ?? "ACTIVE", tags: r.tags, services: [] });
  }
  for (const s of regional(ctx, "ecs:service")) {
    const name = serviceCluster(s);
    let cluster = byName.get(name);
    if (!cluster) {
      cluster = {
        name,
        arn: arnFor("ecs:cluster", ctx.region, ctx.account.id, name, {}),
        status: "ACTIVE",
        tags: {},
        services: [],
      };
      byName.set(name, cluster);
    }
    cluster.services.push(s);
  }
  return [...byName.values()].sort((a, b) => (a.arn < b.arn ? -1 : 1));
}

/** A cluster named by name or ARN (default: "default"); another account's ARN is denied. */
export function requireCluster(ctx: OpContext, ref: unknown, action: string): EcsCluster {
  const name = typeof ref === "string" && ref !== "" ? ref : "default";
  if (name.startsWith("arn:") && arnAccount(name) !== ctx.account.id)
    throw crossAccountDenied(ctx, action, name);
  const found = clusters(ctx).find((c) => c.name === name || c.arn === name);
  if (!found) throw new AwsError("ClusterNotFoundException", "Cluster not found.");
  return found;
}

export function clusterShape(c: EcsCluster, include: string[]) {
  const running = c.services.reduce((n, s) => n + Number(attr(s, "runningCount", 1)), 0);
  return {
    clusterArn: c.arn,
    clusterName: c.name,
    status: c.status,
    registeredContainerInstancesCount: 0,
    runningTasksCount: running,
    pendingTasksCount: 0,
    activeServicesCount: c.services.filter((s) => (s.state ?? "ACTIVE") === "ACTIVE").length,
    statistics: [],
    ...(include.includes("TAGS") ? { tags: ecsTags(c.tags) } : {}),
    ...(include.includes("SETTINGS") ? { settings: [{ name: "containerInsights", value: "disabled" }] } : {}),
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
}

export function serviceShape(s: Resource, cluster: EcsCluster, include: string[]) {
  const desired = Number(attr(s, "desiredCount", 1));
  return {
    serviceArn: s.arn,
    serviceName: s.id,
    clusterArn: cluster.arn,
    loadBalancers: [],
    serviceRegistries: [],
    status: s.state ?? "ACTIVE",
    desiredCount: desired,
    runningCount: Number(attr(s, "runningCount", desired)),
    pendingCount: 0,
    launchType: attr(s, "launchType", "FARGATE"),
    platformVersion: "LATEST",
    taskDefinition: `arn:aws:ecs:${s.region}:${s.account_id}:task-definition/${s.id}:1`,
    deployments: [],
    events: [],
    createdAt: epochSeconds(createdAt(s)),
    placementConstraints: [],
    placementStrategy: [],
    schedulingStrategy: attr(s, "schedulingStrategy", "REPLICA"),
    ...(include.includes("TAGS") ? { tags: ecsTags(s.tags) } : {}),
    enableECSManagedTags: false,
    propagateTags: "NONE",
    enableExecuteCommand: false,
  };
}
