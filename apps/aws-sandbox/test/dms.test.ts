import {
  DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
  ListTagsForResourceCommand,
  paginateDescribeReplicationInstances,
} from "@aws-sdk/client-database-migration-service";
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
let eu: DatabaseMigrationServiceClient;
let us: DatabaseMigrationServiceClient;

const REP = "dms:rep";
const READ = ["dms:DescribeReplicationInstances", "dms:ListTagsForResource"];
const REP_ARN = (account: string, region = "us-east-1") =>
  new RegExp(`^arn:aws:dms:${region}:${account}:rep:[A-Z2-7]{26}$`);

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(REP, "rep", 130),
        {
          type: REP,
          region: "us-east-1",
          id: "orders-migration",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
          attributes: { ReplicationInstanceClass: "dms.r5.large" },
        },
        { type: REP, region: "us-east-1", id: "scratch", tags: {} },
        { type: REP, region: "us-east-1", id: "old", tags: {}, state: "deleting" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: REP, region: "us-east-1", id: "globex-rep", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new DatabaseMigrationServiceClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new DatabaseMigrationServiceClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

const byId = async (id: string) =>
  (
    await us.send(
      new DescribeReplicationInstancesCommand({
        Filters: [{ Name: "replication-instance-id", Values: [id] }],
      }),
    )
  ).ReplicationInstances?.[0];

describe("DescribeReplicationInstances", () => {
  it("walks 130 instances by Marker, 100 a page by default", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeReplicationInstances({ client: eu }, {})) {
      pages += 1;
      ids.push(...(page.ReplicationInstances ?? []).map((r) => r.ReplicationInstanceIdentifier ?? ""));
    }
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(130);
  });

  it("describes an instance with the ARN DMS writes (a generated id), status, class and creation time", async () => {
    const rep = await byId("orders-migration");
    expect(rep).toMatchObject({
      ReplicationInstanceIdentifier: "orders-migration",
      ReplicationInstanceStatus: "available",
      ReplicationInstanceClass: "dms.r5.large",
    });
    expect(rep?.ReplicationInstanceArn).toMatch(REP_ARN(ACME));
    expect(rep?.InstanceCreateTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect((await byId("old"))?.ReplicationInstanceStatus).toBe("deleting");
    expect(await byId("ghost")).toBeUndefined();
  });

  it("rejects MaxRecords out of 20-100, a forged Marker and an unknown filter", async () => {
    for (const input of [
      { MaxRecords: 19 },
      { MaxRecords: 101 },
      { Marker: "forged" },
      { Filters: [{ Name: "nope", Values: ["x"] }] },
    ]) {
      const error = await errorOf(us.send(new DescribeReplicationInstancesCommand(input)));
      expect(error.name).toBe("InvalidParameterValueException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("ListTagsForResource", () => {
  it("lists one instance's tags, or several instances' tags each with its ResourceArn", async () => {
    const tagged = (await byId("orders-migration"))?.ReplicationInstanceArn ?? "";
    const bare = (await byId("scratch"))?.ReplicationInstanceArn ?? "";
    const one = await us.send(new ListTagsForResourceCommand({ ResourceArn: tagged }));
    expect(one.TagList).toEqual([
      { Key: "Owner", Value: "a@acme.io", ResourceArn: tagged },
      { Key: "Environment", Value: "production", ResourceArn: tagged },
    ]);
    expect((await us.send(new ListTagsForResourceCommand({ ResourceArn: bare }))).TagList).toEqual([]);
    const many = await us.send(new ListTagsForResourceCommand({ ResourceArnList: [bare, tagged] }));
    expect(many.TagList?.map((t) => t.ResourceArn)).toEqual([tagged, tagged]);
  });

  it("answers ResourceNotFoundFault for an unknown ARN, even in a list", async () => {
    const tagged = (await byId("orders-migration"))?.ReplicationInstanceArn ?? "";
    const ghost = `arn:aws:dms:us-east-1:${ACME}:rep:GHOSTGHOSTGHOSTGHOSTGHOST2`;
    for (const input of [{ ResourceArn: ghost }, { ResourceArnList: [tagged, ghost] }]) {
      const error = await errorOf(us.send(new ListTagsForResourceCommand(input)));
      expect(error.name).toBe("ResourceNotFoundFault");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own instances and denies naming another account's", async () => {
    const globex = new DatabaseMigrationServiceClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    const out = await globex.send(new DescribeReplicationInstancesCommand({}));
    expect(out.ReplicationInstances?.map((r) => r.ReplicationInstanceIdentifier)).toEqual(["globex-rep"]);
    const acmeArn = (await byId("orders-migration"))?.ReplicationInstanceArn ?? "";
    const error = await errorOf(globex.send(new ListTagsForResourceCommand({ ResourceArn: acmeArn })));
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new DatabaseMigrationServiceClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["dms:DescribeReplicationInstances"])),
    );
    const arn = (await byId("orders-migration"))?.ReplicationInstanceArn ?? "";
    const error = await errorOf(narrow.send(new ListTagsForResourceCommand({ ResourceArn: arn })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("dms:ListTagsForResource");
  });
});
