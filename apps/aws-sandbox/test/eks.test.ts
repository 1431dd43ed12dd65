import {
  DescribeClusterCommand,
  EKSClient,
  ListClustersCommand,
  paginateListClusters,
} from "@aws-sdk/client-eks";
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
let eu: EKSClient;
let us: EKSClient;

const cluster = "eks:cluster";
const READ = ["eks:ListClusters", "eks:DescribeCluster"];
const clusterArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:eks:${region}:${account}:cluster/${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(cluster, "k8s", 230),
        {
          type: cluster,
          region: "us-east-1",
          id: "prod",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
        },
        { type: cluster, region: "us-east-1", id: "scratch", tags: {} },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: cluster, region: "us-east-1", id: "globex-k8s", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new EKSClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new EKSClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListClusters", () => {
  it("walks 230 clusters with the paginator, 100 a page by default", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListClusters({ client: eu }, {})) {
      pages += 1;
      names.push(...(page.clusters ?? []));
    }
    expect(pages).toBe(3);
    expect(names).toHaveLength(230);
    expect(new Set(names).size).toBe(230);
  });

  it("lists names only, and rejects maxResults over 100 and a forged nextToken", async () => {
    expect((await us.send(new ListClustersCommand({}))).clusters).toEqual(["prod", "scratch"]);
    expect((await errorOf(us.send(new ListClustersCommand({ maxResults: 101 })))).name).toBe(
      "InvalidParameterException",
    );
    expect((await errorOf(us.send(new ListClustersCommand({ nextToken: "forged" })))).name).toBe(
      "InvalidParameterException",
    );
  });
});

describe("DescribeCluster", () => {
  it("describes a cluster with its tags as a map, an untagged one with none", async () => {
    const out = await us.send(new DescribeClusterCommand({ name: "prod" }));
    expect(out.cluster).toMatchObject({
      name: "prod",
      arn: clusterArn(ACME, "prod"),
      status: "ACTIVE",
      tags: { Owner: "a@acme.io", Environment: "production" },
    });
    expect(out.cluster?.createdAt).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect((await us.send(new DescribeClusterCommand({ name: "scratch" }))).cluster?.tags).toEqual({});
  });

  it("answers ResourceNotFoundException (404) for an unknown cluster or one in another region", async () => {
    for (const name of ["ghost", "k8s-0001"]) {
      const error = await errorOf(us.send(new DescribeClusterCommand({ name })));
      expect(error.name).toBe("ResourceNotFoundException");
      expect(error.$metadata.httpStatusCode).toBe(404);
      expect(error.message).toBe(`No cluster found for name: ${name}.`);
    }
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own clusters", async () => {
    const globex = new EKSClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new ListClustersCommand({}))).clusters).toEqual(["globex-k8s"]);
    expect((await errorOf(globex.send(new DescribeClusterCommand({ name: "prod" })))).name).toBe(
      "ResourceNotFoundException",
    );
    expect((await us.send(new DescribeClusterCommand({ name: "prod" }))).cluster?.arn).not.toContain(GLOBEX);
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new EKSClient(clientConfig(sandbox, await narrowSession(sandbox, ["eks:ListClusters"])));
    expect((await narrow.send(new ListClustersCommand({}))).clusters).toHaveLength(2);
    const error = await errorOf(narrow.send(new DescribeClusterCommand({ name: "prod" })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("eks:DescribeCluster");
  });
});
