import { DescribeClustersCommand, paginateDescribeClusters, RedshiftClient } from "@aws-sdk/client-redshift";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  EXTERNAL_ID,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  scannerRole,
  startTestSandbox,
} from "./fixtures";
import { bulk, errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: RedshiftClient;
let us: RedshiftClient;

const cluster = "redshift:cluster";
const READ = ["redshift:DescribeClusters"];

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(cluster, "dw", 130),
        {
          type: cluster,
          region: "us-east-1",
          id: "analytics",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
        },
        { type: cluster, region: "us-east-1", id: "scratch", tags: {} },
        {
          type: cluster,
          region: "us-east-1",
          id: "retired",
          tags: { Owner: "a@acme.io" },
          state: "deleting",
        },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: cluster, region: "us-east-1", id: "globex-dw", tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new RedshiftClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new RedshiftClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("DescribeClusters", () => {
  it("walks 130 clusters with the paginator, 100 a page by default", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeClusters({ client: eu }, {})) {
      pages += 1;
      ids.push(...(page.Clusters ?? []).map((c) => c.ClusterIdentifier ?? ""));
    }
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(130);
  });

  it("carries each cluster's tags inline, an untagged one with an empty list, a deleting one as deleting", async () => {
    const out = await us.send(new DescribeClustersCommand({}));
    const byId = new Map((out.Clusters ?? []).map((c) => [c.ClusterIdentifier, c]));
    expect([...byId.keys()]).toEqual(["analytics", "retired", "scratch"]);
    expect(byId.get("analytics")).toMatchObject({
      ClusterStatus: "available",
      NodeType: "ra3.xlplus",
      Tags: [
        { Key: "Owner", Value: "a@acme.io" },
        { Key: "Environment", Value: "production" },
      ],
    });
    expect(byId.get("analytics")?.ClusterCreateTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(byId.get("analytics")?.ClusterNamespaceArn).toMatch(
      new RegExp(`^arn:aws:redshift:us-east-1:${ACME}:namespace:[0-9a-f-]{36}$`),
    );
    expect(byId.get("scratch")?.Tags).toEqual([]);
    expect(byId.get("retired")?.ClusterStatus).toBe("deleting");
  });

  it("filters by TagKeys, narrows to one cluster, and answers ClusterNotFound (404) for an unknown one", async () => {
    const owned = await us.send(new DescribeClustersCommand({ TagKeys: ["Owner"] }));
    expect(owned.Clusters?.map((c) => c.ClusterIdentifier)).toEqual(["analytics", "retired"]);
    const one = await us.send(new DescribeClustersCommand({ ClusterIdentifier: "scratch" }));
    expect(one.Clusters?.map((c) => c.ClusterIdentifier)).toEqual(["scratch"]);
    const error = await errorOf(us.send(new DescribeClustersCommand({ ClusterIdentifier: "ghost" })));
    expect(error.name).toBe("ClusterNotFoundFault");
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe("Cluster ghost not found.");
  });

  it("rejects MaxRecords outside 20-100, a forged Marker, and Marker with ClusterIdentifier", async () => {
    for (const MaxRecords of [19, 101]) {
      expect((await errorOf(us.send(new DescribeClustersCommand({ MaxRecords })))).name).toBe(
        "InvalidParameterValue",
      );
    }
    expect((await errorOf(us.send(new DescribeClustersCommand({ Marker: "forged" })))).name).toBe(
      "InvalidParameterValue",
    );
    const both = await errorOf(
      us.send(new DescribeClustersCommand({ ClusterIdentifier: "scratch", Marker: "x" })),
    );
    expect(both.name).toBe("InvalidParameterCombination");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own clusters", async () => {
    const globex = new RedshiftClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect(
      (await globex.send(new DescribeClustersCommand({}))).Clusters?.map((c) => c.ClusterIdentifier),
    ).toEqual(["globex-dw"]);
    const error = await errorOf(globex.send(new DescribeClustersCommand({ ClusterIdentifier: "analytics" })));
    expect(error.name).toBe("ClusterNotFoundFault");
  });

  it("denies DescribeClusters to a role without it", async () => {
    const narrow = new RedshiftClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ec2:DescribeInstances"])),
    );
    const error = await errorOf(narrow.send(new DescribeClustersCommand({})));
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("redshift:DescribeClusters");
  });
});
