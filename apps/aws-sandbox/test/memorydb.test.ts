import {
  DescribeClustersCommand,
  ListTagsCommand,
  MemoryDBClient,
  paginateDescribeClusters,
} from "@aws-sdk/client-memorydb";
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
let eu: MemoryDBClient;
let us: MemoryDBClient;

const CLUSTER = "memorydb:cluster";
const READ = ["memorydb:DescribeClusters", "memorydb:ListTags"];
const clusterArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:memorydb:${region}:${account}:cluster/${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(CLUSTER, "mem", 130),
        {
          type: CLUSTER,
          region: "us-east-1",
          id: "sessions",
          tags: { Owner: "a@acme.io", Environment: "production" },
          attributes: { NodeType: "db.r7g.large" },
        },
        { type: CLUSTER, region: "us-east-1", id: "scratch", tags: {} },
        { type: CLUSTER, region: "us-east-1", id: "old", tags: {}, state: "deleting" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: CLUSTER, region: "us-east-1", id: "globex-mem", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new MemoryDBClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new MemoryDBClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("DescribeClusters", () => {
  it("walks 130 clusters by NextToken, 100 a page", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeClusters({ client: eu }, {})) {
      pages += 1;
      names.push(...(page.Clusters ?? []).map((c) => c.Name ?? ""));
    }
    expect(pages).toBe(2);
    expect(new Set(names).size).toBe(130);
  });

  it("describes each cluster's ARN, status and node type; one by name, or ClusterNotFoundFault", async () => {
    const out = await us.send(new DescribeClustersCommand({}));
    expect(out.Clusters?.map((c) => [c.Name, c.Status])).toEqual([
      ["old", "deleting"],
      ["scratch", "available"],
      ["sessions", "available"],
    ]);
    const one = await us.send(new DescribeClustersCommand({ ClusterName: "sessions" }));
    expect(one.Clusters).toEqual([
      expect.objectContaining({ ARN: clusterArn(ACME, "sessions"), NodeType: "db.r7g.large" }),
    ]);
    const error = await errorOf(us.send(new DescribeClustersCommand({ ClusterName: "ghost" })));
    expect(error.name).toBe("ClusterNotFoundFault");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("rejects a forged NextToken", async () => {
    const error = await errorOf(us.send(new DescribeClustersCommand({ NextToken: "forged" })));
    expect(error.name).toBe("InvalidParameterValueException");
  });
});

describe("ListTags", () => {
  it("lists a cluster's tags, none for an untagged one, ClusterNotFoundFault for an unknown one", async () => {
    expect(
      (await us.send(new ListTagsCommand({ ResourceArn: clusterArn(ACME, "sessions") }))).TagList,
    ).toEqual([
      { Key: "Owner", Value: "a@acme.io" },
      { Key: "Environment", Value: "production" },
    ]);
    expect(
      (await us.send(new ListTagsCommand({ ResourceArn: clusterArn(ACME, "scratch") }))).TagList,
    ).toEqual([]);
    const ghost = await errorOf(us.send(new ListTagsCommand({ ResourceArn: clusterArn(ACME, "ghost") })));
    expect(ghost.name).toBe("ClusterNotFoundFault");
    const bad = await errorOf(us.send(new ListTagsCommand({ ResourceArn: "not-an-arn" })));
    expect(bad.name).toBe("InvalidARNFault");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own clusters and denies naming another account's", async () => {
    const globex = new MemoryDBClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new DescribeClustersCommand({}))).Clusters?.map((c) => c.Name)).toEqual([
      "globex-mem",
    ]);
    const error = await errorOf(
      globex.send(new ListTagsCommand({ ResourceArn: clusterArn(ACME, "sessions") })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new MemoryDBClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["memorydb:DescribeClusters"])),
    );
    const error = await errorOf(
      narrow.send(new ListTagsCommand({ ResourceArn: clusterArn(ACME, "sessions") })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("memorydb:ListTags");
  });
});
