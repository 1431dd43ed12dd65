// CacheCluster and ReplicationGroup as the ElastiCache query API (2015-02-02) serialises them: list
// members are named by their shape (CacheCluster, ReplicationGroup, ClusterId, Tag).
import type { Resource } from "../../world/world";
import { attr, createdAt } from "../common";

export const tagList = (tags: Record<string, string>) => ({
  Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
});

/** The replication group a cluster belongs to, as seeded (ReplicationGroupId). */
export const groupOf = (r: Resource): string | undefined => {
  const value = r.attributes.ReplicationGroupId;
  return typeof value === "string" ? value : undefined;
};

export function cacheCluster(r: Resource) {
  const group = groupOf(r);
  return {
    CacheClusterId: r.id,
    CacheNodeType: attr(r, "CacheNodeType", "cache.t3.micro"),
    Engine: attr(r, "Engine", "redis"),
    EngineVersion: attr(r, "EngineVersion", "7.1"),
    CacheClusterStatus: r.state ?? "available",
    NumCacheNodes: attr(r, "NumCacheNodes", 1),
    PreferredAvailabilityZone: attr(r, "PreferredAvailabilityZone", `${r.region}a`),
    CacheClusterCreateTime: createdAt(r),
    ...(group ? { ReplicationGroupId: group } : {}),
    ARN: r.arn,
  };
}

export function replicationGroup(r: Resource, members: readonly Resource[]) {
  return {
    ReplicationGroupId: r.id,
    Description: attr(r, "Description", r.id),
    Status: r.state ?? "available",
    MemberClusters: { ClusterId: members.map((m) => m.id) },
    ClusterEnabled: attr(r, "ClusterEnabled", false),
    CacheNodeType: attr(r, "CacheNodeType", "cache.t3.micro"),
    ReplicationGroupCreateTime: createdAt(r),
    ARN: r.arn,
  };
}
