import {
  KafkaClient,
  ListClustersV2Command,
  type ListClustersV2CommandInput,
  paginateListClustersV2,
} from "@aws-sdk/client-kafka";
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
let eu: KafkaClient;
let us: KafkaClient;

const CLUSTER = "kafka:cluster";
const READ = ["kafka:ListClustersV2"];
const arnPattern = (account: string, name: string, region = "us-east-1") =>
  new RegExp(
    `^arn:aws:kafka:${region}:${account}:cluster/${name}/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}-\\d+$`,
  );

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(CLUSTER, "msk", 130),
        {
          type: CLUSTER,
          region: "us-east-1",
          id: "events",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
        },
        {
          type: CLUSTER,
          region: "us-east-1",
          id: "events-dev",
          tags: {},
          attributes: { ClusterType: "SERVERLESS" },
        },
        { type: CLUSTER, region: "us-east-1", id: "old", tags: {}, state: "DELETING" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: CLUSTER, region: "us-east-1", id: "globex-msk", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new KafkaClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new KafkaClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListClustersV2", () => {
  it("walks 130 clusters by nextToken, 10 a page by default and at most 100", async () => {
    expect((await eu.send(new ListClustersV2Command({}))).ClusterInfoList).toHaveLength(10);
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListClustersV2({ client: eu, pageSize: 100 }, {})) {
      pages += 1;
      names.push(...(page.ClusterInfoList ?? []).map((c) => c.ClusterName ?? ""));
    }
    expect(pages).toBe(2);
    expect(new Set(names).size).toBe(130);
  });

  it("carries each cluster's ARN, type, state, creation time and tags", async () => {
    const out = await us.send(new ListClustersV2Command({ MaxResults: 100 }));
    const byName = new Map((out.ClusterInfoList ?? []).map((c) => [c.ClusterName, c]));
    expect([...byName.keys()]).toEqual(["events", "events-dev", "old"]);
    const events = byName.get("events");
    expect(events).toMatchObject({
      ClusterType: "PROVISIONED",
      State: "ACTIVE",
      Tags: { Owner: "a@acme.io", Environment: "production" },
      Provisioned: { NumberOfBrokerNodes: 2 },
    });
    expect(events?.ClusterArn).toMatch(arnPattern(ACME, "events"));
    expect(events?.CreationTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(byName.get("events-dev")).toMatchObject({ ClusterType: "SERVERLESS", Tags: {} });
    expect(byName.get("events-dev")?.ClusterArn).toMatch(arnPattern(ACME, "events-dev"));
    expect(byName.get("old")?.State).toBe("DELETING");
  });

  it("filters by name prefix and type", async () => {
    const names = async (input: ListClustersV2CommandInput) =>
      ((await us.send(new ListClustersV2Command(input))).ClusterInfoList ?? []).map((c) => c.ClusterName);
    expect(await names({ ClusterNameFilter: "events" })).toEqual(["events", "events-dev"]);
    expect(await names({ ClusterTypeFilter: "SERVERLESS" })).toEqual(["events-dev"]);
  });

  it("rejects maxResults out of 1-100 and a forged nextToken with BadRequestException (400)", async () => {
    for (const input of [{ MaxResults: 101 }, { MaxResults: 0 }, { NextToken: "forged" }]) {
      const error = await errorOf(us.send(new ListClustersV2Command(input)));
      expect(error.name).toBe("BadRequestException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own clusters", async () => {
    const globex = new KafkaClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const out = await globex.send(new ListClustersV2Command({}));
    expect((out.ClusterInfoList ?? []).map((c) => c.ClusterName)).toEqual(["globex-msk"]);
    expect(JSON.stringify(out.ClusterInfoList)).not.toContain(ACME);
  });

  it("denies ListClustersV2 to a role without it", async () => {
    const narrow = new KafkaClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["kafka:ListClusters"])),
    );
    const error = await errorOf(narrow.send(new ListClustersV2Command({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("kafka:ListClustersV2");
  });
});
