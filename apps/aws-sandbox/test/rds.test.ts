import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  RDSClient,
} from "@aws-sdk/client-rds";
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
let eu: RDSClient;
let us: RDSClient;

const dbArn = (account: string, region: string, id: string) => `arn:aws:rds:${region}:${account}:db:${id}`;

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        ...(base.resources ?? []),
        ...bulk("rds:db", "db", 1030),
        ...bulk("rds:cluster", "cl", 1005),
        {
          type: "rds:db",
          region: "us-east-1",
          id: "orders-1",
          state: "available",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Name: "orders", Owner: "a@acme.io", Empty: "" },
          attributes: {
            Engine: "aurora-postgresql",
            DBInstanceClass: "db.r6g.large",
            DBClusterIdentifier: "orders",
          },
        },
        {
          type: "rds:db",
          region: "us-east-1",
          id: "orders-2",
          tags: {},
          attributes: { Engine: "aurora-postgresql", DBClusterIdentifier: "orders" },
        },
        {
          type: "rds:db",
          region: "us-east-1",
          id: "legacy",
          state: "stopped",
          tags: {},
          attributes: { Engine: "mysql" },
        },
        {
          type: "rds:cluster",
          region: "us-east-1",
          id: "orders",
          created_at: "2025-12-01T00:00:00Z",
          tags: { Environment: "production" },
          attributes: { Engine: "aurora-postgresql" },
        },
      ],
    }),
    globexAccount({
      resources: [
        {
          type: "rds:db",
          region: "us-east-1",
          id: "globex-db",
          tags: { Owner: "g@globex.io" },
          attributes: {},
        },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new RDSClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new RDSClient(clientConfig(sandbox, creds, "us-east-1"));
});
afterAll(() => sandbox.stop());

describe("DescribeDBInstances", () => {
  it("walks 1,030 instances to the end with the paginator, each once, with exact tags", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeDBInstances({ client: eu, pageSize: 100 }, {})) {
      pages += 1;
      for (const db of page.DBInstances ?? []) ids.push(db.DBInstanceIdentifier!);
      if (pages === 1) {
        expect(page.DBInstances?.[1]?.TagList).toEqual([{ Key: "Owner", Value: "owner-1@acme.io" }]);
        expect(page.DBInstances?.[0]?.TagList).toEqual([]);
      }
    }
    expect(pages).toBe(11);
    expect(ids).toHaveLength(1030);
    expect(new Set(ids).size).toBe(1030);
    expect(ids).toEqual([...ids].sort());
  });

  it("defaults to 100 records and a Marker", async () => {
    const out = await eu.send(new DescribeDBInstancesCommand({}));
    expect(out.DBInstances).toHaveLength(100);
    expect(out.Marker).toBeTruthy();
    const smallest = await eu.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }));
    expect(smallest.DBInstances).toHaveLength(20);
  });

  it.each([19, 101, 0])("rejects MaxRecords %i with InvalidParameterValue", async (max) => {
    const error = await errorOf(eu.send(new DescribeDBInstancesCommand({ MaxRecords: max })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("rejects a forged Marker", async () => {
    const error = await errorOf(eu.send(new DescribeDBInstancesCommand({ Marker: "not-a-marker" })));
    expect(error.name).toBe("InvalidParameterValue");
  });

  it("describes one instance by identifier with the fields and tags AWS returns", async () => {
    const out = await us.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "orders-1" }));
    expect(out.DBInstances).toHaveLength(1);
    const db = out.DBInstances![0]!;
    expect(db).toMatchObject({
      DBInstanceIdentifier: "orders-1",
      DBInstanceArn: dbArn(ACME, "us-east-1", "orders-1"),
      DBInstanceClass: "db.r6g.large",
      Engine: "aurora-postgresql",
      DBInstanceStatus: "available",
      DBClusterIdentifier: "orders",
    });
    expect(db.InstanceCreateTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(db.TagList).toEqual([
      { Key: "Name", Value: "orders" },
      { Key: "Owner", Value: "a@acme.io" },
      { Key: "Empty", Value: "" },
    ]);
    const byArn = await us.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: dbArn(ACME, "us-east-1", "legacy") }),
    );
    expect(byArn.DBInstances?.map((d) => [d.DBInstanceIdentifier, d.DBInstanceStatus, d.Engine])).toEqual([
      ["legacy", "stopped", "mysql"],
    ]);
  });

  it("answers DBInstanceNotFound (404) for an unknown identifier", async () => {
    const error = await errorOf(us.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "nope" })));
    expect(error.name).toBe("DBInstanceNotFoundFault");
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe("DBInstance nope not found.");
  });

  it("filters by engine and cluster, and rejects an unknown filter", async () => {
    const mysql = await us.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "engine", Values: ["mysql"] }] }),
    );
    expect(mysql.DBInstances?.map((d) => d.DBInstanceIdentifier)).toEqual(["legacy"]);
    const members = await us.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: ["orders"] }] }),
    );
    expect(members.DBInstances?.map((d) => d.DBInstanceIdentifier)).toEqual(["orders-1", "orders-2"]);
    const error = await errorOf(
      us.send(new DescribeDBInstancesCommand({ Filters: [{ Name: "vpc-id", Values: ["x"] }] })),
    );
    expect(error.name).toBe("InvalidParameterValue");
  });
});

describe("DescribeDBClusters", () => {
  it("walks 1,005 clusters to the end with the paginator", async () => {
    const ids: string[] = [];
    for await (const page of paginateDescribeDBClusters({ client: eu, pageSize: 20 }, {})) {
      expect(page.DBClusters!.length).toBeLessThanOrEqual(20);
      for (const c of page.DBClusters ?? []) ids.push(c.DBClusterIdentifier!);
    }
    expect(ids).toHaveLength(1005);
    expect(new Set(ids).size).toBe(1005);
  });

  it("describes a cluster with its members and tags", async () => {
    const out = await us.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "orders" }));
    const cluster = out.DBClusters?.[0];
    expect(cluster).toMatchObject({
      DBClusterIdentifier: "orders",
      DBClusterArn: `arn:aws:rds:us-east-1:${ACME}:cluster:orders`,
      Engine: "aurora-postgresql",
      Status: "available",
    });
    expect(cluster?.ClusterCreateTime).toEqual(new Date("2025-12-01T00:00:00Z"));
    expect(cluster?.TagList).toEqual([{ Key: "Environment", Value: "production" }]);
    expect(cluster?.DBClusterMembers?.map((m) => [m.DBInstanceIdentifier, m.IsClusterWriter])).toEqual([
      ["orders-1", true],
      ["orders-2", false],
    ]);
  });

  it("answers DBClusterNotFoundFault (404) and validates MaxRecords", async () => {
    const error = await errorOf(us.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "nope" })));
    expect(error.name).toBe("DBClusterNotFoundFault");
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect((await errorOf(us.send(new DescribeDBClustersCommand({ MaxRecords: 5 })))).name).toBe(
      "InvalidParameterValue",
    );
  });
});

describe("ListTagsForResource", () => {
  it("lists the exact tags of an instance and a cluster", async () => {
    const db = await us.send(
      new ListTagsForResourceCommand({ ResourceName: dbArn(ACME, "us-east-1", "orders-1") }),
    );
    expect(db.TagList).toEqual([
      { Key: "Name", Value: "orders" },
      { Key: "Owner", Value: "a@acme.io" },
      { Key: "Empty", Value: "" },
    ]);
    const cluster = await us.send(
      new ListTagsForResourceCommand({ ResourceName: `arn:aws:rds:us-east-1:${ACME}:cluster:orders` }),
    );
    expect(cluster.TagList).toEqual([{ Key: "Environment", Value: "production" }]);
    const untagged = await us.send(
      new ListTagsForResourceCommand({ ResourceName: dbArn(ACME, "us-east-1", "legacy") }),
    );
    expect(untagged.TagList).toEqual([]);
  });

  it.each([
    ["an unknown instance", dbArn(ACME, "us-east-1", "ghost"), "DBInstanceNotFoundFault", 404],
    ["an unknown cluster", `arn:aws:rds:us-east-1:${ACME}:cluster:ghost`, "DBClusterNotFoundFault", 404],
    ["another account's instance", dbArn(GLOBEX, "us-east-1", "globex-db"), "AccessDenied", 403],
    ["a malformed ARN", "orders-1", "InvalidParameterValue", 400],
    ["another region's instance", dbArn(ACME, "eu-west-1", "db-0001"), "InvalidParameterValue", 400],
  ])("refuses %s", async (_label, arn, name, status) => {
    const error = await errorOf(us.send(new ListTagsForResourceCommand({ ResourceName: arn })));
    expect(error.name).toBe(name);
    expect(error.$metadata.httpStatusCode).toBe(status);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own instances", async () => {
    const acme = await us.send(new DescribeDBInstancesCommand({}));
    expect(acme.DBInstances?.map((d) => d.DBInstanceIdentifier)).toEqual(["legacy", "orders-1", "orders-2"]);
    const globex = new RDSClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const theirs = await globex.send(new DescribeDBInstancesCommand({}));
    expect(theirs.DBInstances?.map((d) => d.DBInstanceArn)).toEqual([
      dbArn(GLOBEX, "us-east-1", "globex-db"),
    ]);
    expect(await globex.send(new DescribeDBClustersCommand({}))).toMatchObject({ DBClusters: [] });
    const denied = await errorOf(
      globex.send(new ListTagsForResourceCommand({ ResourceName: dbArn(ACME, "us-east-1", "orders-1") })),
    );
    expect(denied.name).toBe("AccessDenied");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new RDSClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["rds:ListTagsForResource"])),
    );
    const tags = await narrow.send(
      new ListTagsForResourceCommand({ ResourceName: dbArn(ACME, "us-east-1", "orders-2") }),
    );
    expect(tags.TagList).toEqual([]);
    for (const call of [new DescribeDBInstancesCommand({}), new DescribeDBClustersCommand({})]) {
      const error = await errorOf(narrow.send(call as DescribeDBInstancesCommand));
      expect(error.name).toBe("AccessDenied");
      expect(error.$metadata.httpStatusCode).toBe(403);
      expect(error.message).toContain("is not authorized to perform: rds:Describe");
    }
  });
});
