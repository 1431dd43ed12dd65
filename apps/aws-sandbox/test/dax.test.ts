import { DAXClient, DescribeClustersCommand, ListTagsCommand } from "@aws-sdk/client-dax";
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
let eu: DAXClient;
let us: DAXClient;

const CACHE = "dax:cache";
const READ = ["dax:DescribeClusters", "dax:ListTags"];
const cacheArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:dax:${region}:${account}:cache/${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(CACHE, "dax", 130),
        {
          type: CACHE,
          region: "us-east-1",
          id: "orders",
          tags: { Owner: "a@acme.io" },
          attributes: { TotalNodes: 5 },
        },
        { type: CACHE, region: "us-east-1", id: "scratch", tags: {} },
        { type: CACHE, region: "us-east-1", id: "old", tags: {}, state: "deleting" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: CACHE, region: "us-east-1", id: "globex-dax", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new DAXClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new DAXClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("DescribeClusters", () => {
  it("walks 130 clusters by NextToken, 100 a page, and rejects MaxResults out of 20-100", async () => {
    const names: string[] = [];
    let pages = 0;
    // The DAX SDK has no paginator: follow NextToken by hand.
    let NextToken: string | undefined;
    do {
      const page = await eu.send(new DescribeClustersCommand({ NextToken }));
      pages += 1;
      names.push(...(page.Clusters ?? []).map((c) => c.ClusterName ?? ""));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(pages).toBe(2);
    expect(new Set(names).size).toBe(130);
    for (const MaxResults of [19, 101]) {
      const error = await errorOf(eu.send(new DescribeClustersCommand({ MaxResults })));
      expect(error.name).toBe("InvalidParameterValueException");
    }
    expect((await errorOf(eu.send(new DescribeClustersCommand({ NextToken: "forged" })))).name).toBe(
      "InvalidParameterValueException",
    );
  });

  it("describes each cluster's ARN (cache/<name>), status and nodes; by name, or ClusterNotFoundFault", async () => {
    const out = await us.send(new DescribeClustersCommand({}));
    expect(out.Clusters?.map((c) => [c.ClusterName, c.Status])).toEqual([
      ["old", "deleting"],
      ["orders", "available"],
      ["scratch", "available"],
    ]);
    const one = await us.send(new DescribeClustersCommand({ ClusterNames: ["orders"] }));
    expect(one.Clusters).toEqual([
      expect.objectContaining({ ClusterArn: cacheArn(ACME, "orders"), TotalNodes: 5 }),
    ]);
    const error = await errorOf(us.send(new DescribeClustersCommand({ ClusterNames: ["ghost"] })));
    expect(error.name).toBe("ClusterNotFoundFault");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe("ListTags", () => {
  it("lists a cluster's tags by ARN; none for an untagged one; faults for unknown and malformed ARNs", async () => {
    expect((await us.send(new ListTagsCommand({ ResourceName: cacheArn(ACME, "orders") }))).Tags).toEqual([
      { Key: "Owner", Value: "a@acme.io" },
    ]);
    expect((await us.send(new ListTagsCommand({ ResourceName: cacheArn(ACME, "scratch") }))).Tags).toEqual(
      [],
    );
    expect(
      (await errorOf(us.send(new ListTagsCommand({ ResourceName: cacheArn(ACME, "ghost") })))).name,
    ).toBe("ClusterNotFoundFault");
    expect((await errorOf(us.send(new ListTagsCommand({ ResourceName: "orders" })))).name).toBe(
      "InvalidARNFault",
    );
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own clusters and denies naming another account's", async () => {
    const globex = new DAXClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new DescribeClustersCommand({}))).Clusters?.map((c) => c.ClusterName)).toEqual([
      "globex-dax",
    ]);
    const error = await errorOf(globex.send(new ListTagsCommand({ ResourceName: cacheArn(ACME, "orders") })));
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new DAXClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["dax:DescribeClusters"])),
    );
    const error = await errorOf(narrow.send(new ListTagsCommand({ ResourceName: cacheArn(ACME, "orders") })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("dax:ListTags");
  });
});
