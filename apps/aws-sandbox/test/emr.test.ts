import {
  type ClusterState,
  DescribeClusterCommand,
  EMRClient,
  ListClustersCommand,
  paginateListClusters,
} from "@aws-sdk/client-emr";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
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
import { errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: EMRClient;
let us: EMRClient;

const emr = "emr:cluster";
const READ = ["elasticmapreduce:ListClusters", "elasticmapreduce:DescribeCluster", "tag:GetResources"];
const LIVE: ClusterState[] = ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"];
const jid = (n: number) => `j-${String(n).padStart(13, "0")}`;
const arn = (account: string, id: string, region = "us-east-1") =>
  `arn:aws:elasticmapreduce:${region}:${account}:cluster/${id}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...Array.from({ length: 120 }, (_, i) => ({
          type: emr,
          region: "eu-west-1",
          id: jid(1000 + i),
          tags: {},
          state: i % 2 ? "TERMINATED" : "RUNNING",
        })),
        {
          type: emr,
          region: "us-east-1",
          id: jid(1),
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { Name: "nightly-etl" },
        },
        { type: emr, region: "us-east-1", id: jid(2), tags: {}, state: "BOOTSTRAPPING" },
        { type: emr, region: "us-east-1", id: jid(3), tags: { Owner: "a@acme.io" }, state: "TERMINATED" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: emr, region: "us-east-1", id: jid(9), tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new EMRClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new EMRClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListClusters", () => {
  it("pages 50 clusters at a time, and keeps terminated ones unless ClusterStates leaves them out", async () => {
    let pages = 0;
    const ids: string[] = [];
    for await (const page of paginateListClusters({ client: eu }, {})) {
      pages += 1;
      ids.push(...(page.Clusters ?? []).map((c) => c.Id ?? ""));
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(120);
    const live: string[] = [];
    for await (const page of paginateListClusters({ client: eu }, { ClusterStates: LIVE }))
      live.push(...(page.Clusters ?? []).map((c) => c.Id ?? ""));
    expect(live).toHaveLength(60);
  });

  it("summarises each cluster with its ARN and state, no tags", async () => {
    const out = await us.send(new ListClustersCommand({ ClusterStates: LIVE }));
    expect(out.Clusters?.map((c) => c.Id)).toEqual([jid(1), jid(2)]);
    expect(out.Clusters?.[0]).toMatchObject({
      Id: jid(1),
      Name: "nightly-etl",
      ClusterArn: arn(ACME, jid(1)),
      Status: { State: "WAITING" },
    });
    expect(out.Clusters?.[0]?.Status?.Timeline?.CreationDateTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(out.Clusters?.[0]).not.toHaveProperty("Tags");
    expect(out.Marker).toBeUndefined();
  });

  it("rejects an unknown state and a forged Marker", async () => {
    const bad = await errorOf(
      us.send(new ListClustersCommand({ ClusterStates: ["ASLEEP" as ClusterState] })),
    );
    expect(bad.name).toBe("ValidationException");
    expect((await errorOf(us.send(new ListClustersCommand({ Marker: "forged" })))).name).toBe(
      "InvalidRequestException",
    );
  });
});

describe("DescribeCluster", () => {
  it("carries the tags, an untagged cluster with an empty list", async () => {
    const out = await us.send(new DescribeClusterCommand({ ClusterId: jid(1) }));
    expect(out.Cluster).toMatchObject({
      Id: jid(1),
      ClusterArn: arn(ACME, jid(1)),
      Status: { State: "WAITING" },
      Tags: [{ Key: "Owner", Value: "a@acme.io" }],
    });
    expect((await us.send(new DescribeClusterCommand({ ClusterId: jid(2) }))).Cluster?.Tags).toEqual([]);
  });

  it("answers InvalidRequestException for an unknown cluster, as AWS does", async () => {
    const error = await errorOf(us.send(new DescribeClusterCommand({ ClusterId: "j-NOPE" })));
    expect(error.name).toBe("InvalidRequestException");
    expect(error.message).toBe("Cluster id 'j-NOPE' is not valid.");
  });
});

describe("Tagging API", () => {
  it("selects EMR clusters by the ARN's spelling, elasticmapreduce:cluster, terminated ones included", async () => {
    const tagging = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, await assume(sandbox)));
    const out = await tagging.send(
      new GetResourcesCommand({ ResourceTypeFilters: ["elasticmapreduce:cluster"] }),
    );
    expect(out.ResourceTagMappingList?.map((m) => m.ResourceARN)).toEqual([
      arn(ACME, jid(1)),
      arn(ACME, jid(3)),
    ]);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own clusters", async () => {
    const globex = new EMRClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new ListClustersCommand({}))).Clusters?.map((c) => c.ClusterArn)).toEqual([
      arn(GLOBEX, jid(9)),
    ]);
    expect((await errorOf(globex.send(new DescribeClusterCommand({ ClusterId: jid(1) })))).name).toBe(
      "InvalidRequestException",
    );
  });

  it("denies DescribeCluster to a role allowed only ListClusters", async () => {
    const narrow = new EMRClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["elasticmapreduce:ListClusters"])),
    );
    expect((await narrow.send(new ListClustersCommand({}))).Clusters).toHaveLength(3);
    const error = await errorOf(narrow.send(new DescribeClusterCommand({ ClusterId: jid(1) })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("elasticmapreduce:DescribeCluster");
  });
});
