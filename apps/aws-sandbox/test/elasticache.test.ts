import {
  DescribeCacheClustersCommand,
  DescribeReplicationGroupsCommand,
  ElastiCacheClient,
  ListTagsForResourceCommand,
  paginateDescribeCacheClusters,
  paginateDescribeReplicationGroups,
} from "@aws-sdk/client-elasticache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  startTestSandbox,
} from "./fixtures";
import { bulk, errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: ElastiCacheClient;
let us: ElastiCacheClient;
let globex: ElastiCacheClient;

const CLUSTER = "elasticache:cluster";
const GROUP = "elasticache:replicationgroup";
const clusterArn = (id: string, account = ACME) => `arn:aws:elasticache:us-east-1:${account}:cluster:${id}`;
const groupArn = (id: string) => `arn:aws:elasticache:us-east-1:${ACME}:replicationgroup:${id}`;

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        ...(base.resources ?? []),
        ...bulk(CLUSTER, "cache", 230),
        ...bulk(GROUP, "rg", 45),
        {
          type: CLUSTER,
          region: "us-east-1",
          id: "sessions-001",
          created_at: "2026-03-01T00:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { ReplicationGroupId: "sessions", CacheNodeType: "cache.r7g.large" },
        },
        {
          type: CLUSTER,
          region: "us-east-1",
          id: "memo",
          state: "creating",
          tags: {},
          attributes: { Engine: "memcached" },
        },
        { type: GROUP, region: "us-east-1", id: "sessions", tags: { Environment: "production" } },
        { type: GROUP, region: "us-east-1", id: "bare", tags: {} },
      ],
    }),
    globexAccount({
      resources: [{ type: CLUSTER, region: "us-east-1", id: "globex-cache", tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new ElastiCacheClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new ElastiCacheClient(clientConfig(sandbox, creds, "us-east-1"));
  globex = new ElastiCacheClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
});
afterAll(() => sandbox.stop());

describe("DescribeCacheClusters", () => {
  it("walks 230 clusters with the paginator, 100 a page by default", async () => {
    const first = await eu.send(new DescribeCacheClustersCommand({}));
    expect(first.CacheClusters).toHaveLength(100);
    expect(first.Marker).toBeTruthy();
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeCacheClusters({ client: eu, pageSize: 50 }, {})) {
      pages += 1;
      for (const c of page.CacheClusters ?? []) ids.push(c.CacheClusterId!);
    }
    expect(pages).toBe(5);
    expect(new Set(ids).size).toBe(230);
  });

  it("describes a cluster with the ARN AWS writes (cluster:<id>) and its group", async () => {
    const out = await us.send(new DescribeCacheClustersCommand({ CacheClusterId: "sessions-001" }));
    expect(out.CacheClusters).toHaveLength(1);
    const c = out.CacheClusters![0]!;
    expect(c).toMatchObject({
      CacheClusterId: "sessions-001",
      ARN: clusterArn("sessions-001"),
      CacheNodeType: "cache.r7g.large",
      CacheClusterStatus: "available",
      ReplicationGroupId: "sessions",
    });
    expect(c.CacheClusterCreateTime).toEqual(new Date("2026-03-01T00:00:00Z"));
  });

  it("fails CacheClusterNotFound (404) for an unknown id, and rejects MaxRecords outside 20-100", async () => {
    const missing = await errorOf(us.send(new DescribeCacheClustersCommand({ CacheClusterId: "nope" })));
    expect(missing.name).toBe("CacheClusterNotFoundFault");
    expect(missing.$metadata.httpStatusCode).toBe(404);
    for (const MaxRecords of [19, 101]) {
      const error = await errorOf(eu.send(new DescribeCacheClustersCommand({ MaxRecords })));
      expect(error.name).toBe("InvalidParameterValueException");
    }
    const forged = await errorOf(eu.send(new DescribeCacheClustersCommand({ Marker: "forged" })));
    expect(forged.name).toBe("InvalidParameterValueException");
  });
});

describe("DescribeReplicationGroups", () => {
  it("pages replication groups and names their member clusters", async () => {
    const ids: string[] = [];
    for await (const page of paginateDescribeReplicationGroups({ client: eu, pageSize: 20 }, {})) {
      expect(page.ReplicationGroups!.length).toBeLessThanOrEqual(20);
      for (const g of page.ReplicationGroups ?? []) ids.push(g.ReplicationGroupId!);
    }
    expect(new Set(ids).size).toBe(45);
    const out = await us.send(new DescribeReplicationGroupsCommand({ ReplicationGroupId: "sessions" }));
    expect(out.ReplicationGroups?.[0]).toMatchObject({
      ReplicationGroupId: "sessions",
      ARN: groupArn("sessions"),
      MemberClusters: ["sessions-001"],
    });
    const missing = await errorOf(
      us.send(new DescribeReplicationGroupsCommand({ ReplicationGroupId: "nope" })),
    );
    expect(missing.name).toBe("ReplicationGroupNotFoundFault");
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });
});

describe("ListTagsForResource", () => {
  it("reads a cluster's and a group's tags, empty for untagged ones", async () => {
    const tagged = await us.send(
      new ListTagsForResourceCommand({ ResourceName: clusterArn("sessions-001") }),
    );
    expect(tagged.TagList).toEqual([{ Key: "Owner", Value: "a@acme.io" }]);
    const group = await us.send(new ListTagsForResourceCommand({ ResourceName: groupArn("sessions") }));
    expect(group.TagList).toEqual([{ Key: "Environment", Value: "production" }]);
    const bare = await us.send(new ListTagsForResourceCommand({ ResourceName: groupArn("bare") }));
    expect(bare.TagList ?? []).toEqual([]);
  });

  it("answers InvalidARN for a malformed name and not-found for an unknown cluster", async () => {
    const bad = await errorOf(us.send(new ListTagsForResourceCommand({ ResourceName: "sessions-001" })));
    expect(bad.name).toBe("InvalidARNFault");
    const unknown = await errorOf(
      us.send(new ListTagsForResourceCommand({ ResourceName: clusterArn("nope") })),
    );
    expect(unknown.name).toBe("CacheClusterNotFoundFault");
  });
});

describe("isolation and IAM", () => {
  it("shows each account only its own clusters; another account's ARN is denied", async () => {
    const mine = await globex.send(new DescribeCacheClustersCommand({}));
    expect(mine.CacheClusters?.map((c) => c.CacheClusterId)).toEqual(["globex-cache"]);
    const error = await errorOf(
      globex.send(new ListTagsForResourceCommand({ ResourceName: clusterArn("sessions-001") })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("denies DescribeReplicationGroups to a role without the action", async () => {
    const creds = await narrowSession(sandbox, ["elasticache:DescribeCacheClusters"]);
    const narrow = new ElastiCacheClient(clientConfig(sandbox, creds, "us-east-1"));
    const error = await errorOf(narrow.send(new DescribeReplicationGroupsCommand({})));
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toContain("elasticache:DescribeReplicationGroups");
  });
});
