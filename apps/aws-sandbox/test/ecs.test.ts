import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  paginateListClusters,
  paginateListServices,
} from "@aws-sdk/client-ecs";
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
let eu: ECSClient;
let us: ECSClient;

const clusterArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:ecs:${region}:${account}:cluster/${name}`;
const serviceArn = (account: string, cluster: string, name: string) =>
  `arn:aws:ecs:us-east-1:${account}:service/${cluster}/${name}`;

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        ...(base.resources ?? []),
        ...bulk("ecs:cluster", "cluster", 1010),
        {
          type: "ecs:cluster",
          region: "us-east-1",
          id: "web",
          tags: { Environment: "production", Owner: "a@acme.io" },
        },
        { type: "ecs:cluster", region: "us-east-1", id: "batch", tags: {} },
        ...bulk("ecs:service", "svc", 1020, "us-east-1", { attributes: { cluster: "web" } }),
        {
          type: "ecs:service",
          region: "us-east-1",
          id: "checkout",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Name: "checkout", Application: "shop" },
          attributes: { cluster: "web", desiredCount: 3 },
        },
        // A service whose cluster the seed does not list: the cluster is implied, untagged.
        {
          type: "ecs:service",
          region: "us-east-1",
          id: "lonely",
          tags: {},
          attributes: { cluster: "orphan" },
        },
      ],
    }),
    globexAccount({
      resources: [
        { type: "ecs:cluster", region: "us-east-1", id: "globex-cluster", tags: { Owner: "g@globex.io" } },
        {
          type: "ecs:service",
          region: "us-east-1",
          id: "globex-svc",
          tags: {},
          attributes: { cluster: "globex-cluster" },
        },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new ECSClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new ECSClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListClusters", () => {
  it("walks 1,010 clusters to the end with the paginator", async () => {
    const arns: string[] = [];
    let pages = 0;
    for await (const page of paginateListClusters({ client: eu, pageSize: 100 }, {})) {
      pages += 1;
      arns.push(...(page.clusterArns ?? []));
    }
    expect(pages).toBe(11);
    expect(arns).toHaveLength(1010);
    expect(new Set(arns).size).toBe(1010);
    expect(arns[0]).toBe(clusterArn(ACME, "cluster-0000", "eu-west-1"));
  });

  it("lists seeded and implied clusters, 100 by default", async () => {
    expect((await eu.send(new ListClustersCommand({}))).clusterArns).toHaveLength(100);
    const out = await us.send(new ListClustersCommand({}));
    expect(out.clusterArns).toEqual([
      clusterArn(ACME, "batch"),
      clusterArn(ACME, "orphan"),
      clusterArn(ACME, "web"),
    ]);
    expect(out.nextToken).toBeUndefined();
  });

  it.each([0, 101])("rejects maxResults %i with InvalidParameterException", async (max) => {
    expect((await errorOf(us.send(new ListClustersCommand({ maxResults: max })))).name).toBe(
      "InvalidParameterException",
    );
  });

  it("rejects a forged nextToken", async () => {
    expect((await errorOf(us.send(new ListClustersCommand({ nextToken: "forged" })))).name).toBe(
      "InvalidParameterException",
    );
  });
});

describe("DescribeClusters", () => {
  it("reports tags only when TAGS is included, and failures for unknown clusters", async () => {
    const refs = ["web", clusterArn(ACME, "batch"), "ghost", clusterArn(GLOBEX, "globex-cluster")];
    const withTags = await us.send(new DescribeClustersCommand({ clusters: refs, include: ["TAGS"] }));
    expect(withTags.clusters?.map((c) => [c.clusterName, c.clusterArn, c.status, c.tags])).toEqual([
      [
        "web",
        clusterArn(ACME, "web"),
        "ACTIVE",
        [
          { key: "Environment", value: "production" },
          { key: "Owner", value: "a@acme.io" },
        ],
      ],
      ["batch", clusterArn(ACME, "batch"), "ACTIVE", []],
    ]);
    expect(withTags.failures).toEqual([
      { arn: clusterArn(ACME, "ghost"), reason: "MISSING" },
      { arn: clusterArn(GLOBEX, "globex-cluster"), reason: "MISSING" },
    ]);
    expect(withTags.clusters?.[0]?.activeServicesCount).toBe(1021);
    const without = await us.send(new DescribeClustersCommand({ clusters: ["web"] }));
    expect(without.clusters?.[0]?.clusterName).toBe("web");
    expect(without.clusters?.[0]?.tags).toBeUndefined();
  });

  it("rejects an unknown include value", async () => {
    const error = await errorOf(
      us.send(new DescribeClustersCommand({ clusters: ["web"], include: ["BOGUS" as "TAGS"] })),
    );
    expect(error.name).toBe("InvalidParameterException");
  });
});

describe("ListServices", () => {
  it("walks 1,021 services of a cluster to the end, by name or ARN", async () => {
    for (const cluster of ["web", clusterArn(ACME, "web")]) {
      const arns: string[] = [];
      for await (const page of paginateListServices({ client: us, pageSize: 100 }, { cluster }))
        arns.push(...(page.serviceArns ?? []));
      expect(arns).toHaveLength(1021);
      expect(new Set(arns).size).toBe(1021);
      expect(arns).toContain(serviceArn(ACME, "web", "checkout"));
    }
  });

  it("returns 10 services by default and lists an implied cluster's services", async () => {
    const first = await us.send(new ListServicesCommand({ cluster: "web" }));
    expect(first.serviceArns).toHaveLength(10);
    expect(first.nextToken).toBeTruthy();
    const orphan = await us.send(new ListServicesCommand({ cluster: "orphan" }));
    expect(orphan.serviceArns).toEqual([serviceArn(ACME, "orphan", "lonely")]);
    expect((await us.send(new ListServicesCommand({ cluster: "batch" }))).serviceArns).toEqual([]);
  });

  it("answers ClusterNotFoundException for an unknown cluster and validates maxResults", async () => {
    const missing = await errorOf(us.send(new ListServicesCommand({ cluster: "ghost" })));
    expect(missing.name).toBe("ClusterNotFoundException");
    expect((await errorOf(us.send(new ListServicesCommand({ cluster: "web", maxResults: 101 })))).name).toBe(
      "InvalidParameterException",
    );
  });
});

describe("DescribeServices", () => {
  it("describes services with tags when included, failures for unknown ones", async () => {
    const out = await us.send(
      new DescribeServicesCommand({
        cluster: "web",
        services: ["checkout", serviceArn(ACME, "web", "svc-0001"), "ghost"],
        include: ["TAGS"],
      }),
    );
    expect(out.services).toHaveLength(2);
    const checkout = out.services![0]!;
    expect(checkout).toMatchObject({
      serviceArn: serviceArn(ACME, "web", "checkout"),
      serviceName: "checkout",
      clusterArn: clusterArn(ACME, "web"),
      status: "ACTIVE",
      desiredCount: 3,
    });
    expect(checkout.createdAt).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(checkout.tags).toEqual([
      { key: "Name", value: "checkout" },
      { key: "Application", value: "shop" },
    ]);
    expect(out.services![1]!.tags).toEqual([{ key: "Owner", value: "owner-1@acme.io" }]);
    expect(out.failures).toEqual([{ arn: serviceArn(ACME, "web", "ghost"), reason: "MISSING" }]);
    const noTags = await us.send(
      new DescribeServicesCommand({ cluster: clusterArn(ACME, "web"), services: ["checkout"] }),
    );
    expect(noTags.services?.[0]?.tags).toBeUndefined();
  });

  it("refuses more than 10 services, and an unknown cluster", async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `svc-${String(i).padStart(4, "0")}`);
    const tooMany = await errorOf(us.send(new DescribeServicesCommand({ cluster: "web", services: eleven })));
    expect(tooMany.name).toBe("InvalidParameterException");
    const ten = await us.send(new DescribeServicesCommand({ cluster: "web", services: eleven.slice(0, 10) }));
    expect(ten.services).toHaveLength(10);
    const missing = await errorOf(
      us.send(new DescribeServicesCommand({ cluster: "ghost", services: ["checkout"] })),
    );
    expect(missing.name).toBe("ClusterNotFoundException");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own clusters and services", async () => {
    const globex = new ECSClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new ListClustersCommand({}))).clusterArns).toEqual([
      clusterArn(GLOBEX, "globex-cluster"),
    ]);
    expect((await globex.send(new ListServicesCommand({ cluster: "globex-cluster" }))).serviceArns).toEqual([
      serviceArn(GLOBEX, "globex-cluster", "globex-svc"),
    ]);
    expect((await errorOf(globex.send(new ListServicesCommand({ cluster: "web" })))).name).toBe(
      "ClusterNotFoundException",
    );
    const crossAccount = await errorOf(
      globex.send(new ListServicesCommand({ cluster: clusterArn(ACME, "web") })),
    );
    expect(crossAccount.name).toBe("AccessDeniedException");
    const acmeView = await us.send(new DescribeClustersCommand({ clusters: ["globex-cluster"] }));
    expect(acmeView.clusters).toEqual([]);
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new ECSClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ecs:ListClusters", "ecs:ListServices"])),
    );
    expect((await narrow.send(new ListClustersCommand({}))).clusterArns).toHaveLength(3);
    for (const call of [
      new DescribeClustersCommand({ clusters: ["web"] }),
      new DescribeServicesCommand({ cluster: "web", services: ["checkout"] }),
    ]) {
      const error = await errorOf(narrow.send(call as DescribeClustersCommand));
      expect(error.name).toBe("AccessDeniedException");
      expect(error.message).toMatch(/not authorized to perform: ecs:Describe(Clusters|Services)/);
    }
  });
});
