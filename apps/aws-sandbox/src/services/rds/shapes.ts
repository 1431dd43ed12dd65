// DBInstance and DBCluster as the RDS query API serialises them (XML members named as in the model).
import type { Resource } from "../../world/world";
import { attr, createdAt, stableHex } from "../common";

export const tagList = (tags: Record<string, string>) => ({
  Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
});

/** The cluster an instance belongs to: seeded as DBClusterIdentifier (or `cluster`, as ECS seeds do). */
export const clusterOf = (r: Resource): string | undefined => {
  const value = r.attributes.DBClusterIdentifier ?? r.attributes.cluster;
  return typeof value === "string" ? value : undefined;
};

const PORTS: Record<string, number> = {
  postgres: 5432,
  "aurora-postgresql": 5432,
  mysql: 3306,
  "aurora-mysql": 3306,
  mariadb: 3306,
};

export function dbInstance(r: Resource) {
  const engine = attr(r, "Engine", "postgres");
  const cluster = clusterOf(r);
  return {
    DBInstanceIdentifier: r.id,
    DBInstanceClass: attr(r, "DBInstanceClass", "db.t3.micro"),
    Engine: engine,
    DBInstanceStatus: r.state ?? "available",
    Endpoint: {
      Address: `${r.id}.c${stableHex(r.account_id, 10)}.${r.region}.rds.amazonaws.com`,
      Port: attr(r, "Port", PORTS[engine] ?? 5432),
    },
    AllocatedStorage: attr(r, "AllocatedStorage", 20),
    InstanceCreateTime: createdAt(r),
    AvailabilityZone: attr(r, "AvailabilityZone", `${r.region}a`),
    MultiAZ: attr(r, "MultiAZ", false),
    EngineVersion: attr(r, "EngineVersion", "16.3"),
    ...(cluster ? { DBClusterIdentifier: cluster } : {}),
    StorageType: attr(r, "StorageType", "gp3"),
    DbiResourceId: `db-${stableHex(r.arn, 26).toUpperCase()}`,
    DBInstanceArn: r.arn,
    TagList: tagList(r.tags),
  };
}

export function dbCluster(r: Resource, members: Resource[]) {
  return {
    AllocatedStorage: attr(r, "AllocatedStorage", 1),
    DBClusterIdentifier: r.id,
    Status: r.state ?? "available",
    Endpoint: `${r.id}.cluster-c${stableHex(r.account_id, 10)}.${r.region}.rds.amazonaws.com`,
    MultiAZ: attr(r, "MultiAZ", members.length > 1),
    Engine: attr(r, "Engine", "aurora-postgresql"),
    EngineVersion: attr(r, "EngineVersion", "16.3"),
    // The first member is reported as the writer, as a freshly created Aurora cluster would have it.
    DBClusterMembers: {
      DBClusterMember: members.map((m, i) => ({ DBInstanceIdentifier: m.id, IsClusterWriter: i === 0 })),
    },
    DbClusterResourceId: `cluster-${stableHex(r.arn, 26).toUpperCase()}`,
    DBClusterArn: r.arn,
    ClusterCreateTime: createdAt(r),
    TagList: tagList(r.tags),
  };
}
