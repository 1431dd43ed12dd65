// glue:table, a type AWS cannot tag: GetDatabases and GetTables find every table with the ARN AWS
// writes, never a tag call and never a Tagging API filter for it, whether or not the walk ran; and
// one tenant never sees another's tables.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import type { Resource } from "@tagc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planScan } from "../../src/discovery/plan";
import {
  ACME,
  acmeAccount,
  batchRoles,
  CREATED,
  callsIn,
  discover,
  FULL_READ,
  GLOBEX,
  globexAccount,
  startWorld,
  type World,
} from "./fixtures";

const A = ACME.accountId;
const G = GLOBEX.accountId;
const east = "us-east-1";
const west = "eu-west-1";

const C1_READ = [...FULL_READ, "glue:GetDatabases", "glue:GetTables", "ec2:DescribeVpcEndpoints"];
// Here "noLambda" is the role without this batch's reads.
// ec2:Describe* would still grant DescribeVpcEndpoints: only DescribeRegions is kept.
const roles = batchRoles(C1_READ, (read) =>
  read.filter((a) => !a.startsWith("glue:") && !a.startsWith("ec2:")).concat("ec2:DescribeRegions"),
);

const table = "glue:table";
const ACME_TABLES: ResourceSeedInput[] = [
  { type: "glue:database", region: east, id: "sales", tags: { Owner: "a@acme.io" } },
  { type: table, region: east, id: "sales/orders", tags: {}, created_at: CREATED },
  // The same table name in another database is another table.
  { type: table, region: east, id: "archive/orders", tags: {}, created_at: CREATED },
  // 130 tables in one database (two GetTables pages) and 104 more databases (two GetDatabases pages).
  ...Array.from({ length: 130 }, (_, i) => ({
    type: table,
    region: west,
    id: `events/t${String(i).padStart(3, "0")}`,
    tags: {},
  })),
  ...Array.from({ length: 104 }, (_, i) => ({
    type: table,
    region: west,
    id: `db${String(i).padStart(3, "0")}/x`,
    tags: {},
  })),
];
const endpoint = "ec2:vpc-endpoint";
const vpce = (n: number) => `vpce-0a${String(n).padStart(15, "0")}`;
const ACME_ENDPOINTS: ResourceSeedInput[] = [
  { type: endpoint, region: east, id: vpce(1), tags: {}, created_at: CREATED },
  { type: endpoint, region: west, id: vpce(2), tags: { Owner: "a@acme.io" }, created_at: CREATED },
  // A gateway endpoint (S3) costs nothing; a deleting one is on its way out: neither is reported,
  // even though the Tagging API returns them for their tags.
  {
    type: endpoint,
    region: east,
    id: vpce(3),
    tags: { Owner: "a@acme.io" },
    attributes: { VpcEndpointType: "Gateway" },
  },
  { type: endpoint, region: east, id: vpce(4), tags: { Owner: "gone@acme.io" }, state: "deleting" },
  // 1,100 more in eu-west-1: two DescribeVpcEndpoints pages of 1,000.
  ...Array.from({ length: 1100 }, (_, i) => ({ type: endpoint, region: west, id: vpce(1000 + i), tags: {} })),
];
const GLOBEX_TABLES: ResourceSeedInput[] = [
  { type: table, region: east, id: "sales/globex_orders", tags: {} },
  { type: endpoint, region: east, id: "vpce-0b000000000000001", tags: {} },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({ roles: roles(ACME.externalId), resources: [...ACME_TABLES, ...ACME_ENDPOINTS] }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_TABLES }),
  ]);
});
afterAll(() => world.stop());

const only = (resources: readonly Resource[], arn: string) => resources.filter((r) => r.arn === arn);
const arn = (account: string, region: string, id: string) => `arn:aws:glue:${region}:${account}:table/${id}`;

describe("glue:table", () => {
  it("is never sent to the Tagging API, and still has its lister in every region", () => {
    const plan = planScan([table, "glue:job"], [east, west]);
    for (const region of plan.regions) {
      expect(region.walkTypes).toEqual(["glue:job"]);
      expect(region.listers.map((l) => l.type)).toContain(table);
    }
    // Alone, it makes region plans with an empty walk (no GetResources call at all).
    const alone = planScan([table], [east]);
    expect(alone.regions).toEqual([expect.objectContaining({ region: east, walkTypes: [] })]);
  });

  it("finds every table with AWS's ARN and no tags, paging both lists, with no tag call", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [table] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "sales/orders"))).toEqual([
      {
        arn: arn(A, east, "sales/orders"),
        id: "sales/orders",
        type: table,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "archive/orders"))).toHaveLength(1);
    expect(result.resources).toHaveLength(2 + 130 + 104);
    // The tagged database is a free type, not a table: never reported here.
    expect(result.resources.every((r) => r.type === table)).toBe(true);
    expect(callsIn(world.sandbox, A, west, "glue:GetDatabases")).toBe(2);
    // events: two pages; each of the 104 other databases: one.
    expect(callsIn(world.sandbox, A, west, "glue:GetTables")).toBe(2 + 104);
    for (const region of [east, west]) {
      expect(callsIn(world.sandbox, A, region, "tag:GetResources")).toBe(0);
      expect(callsIn(world.sandbox, A, region, "glue:GetTags")).toBe(0);
    }
  });

  it("finds the same tables, and no tags to read, when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [table, "ec2:instance"], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "sales/orders"))).toEqual([
      expect.objectContaining({ tags: {} }),
    ]);
    expect(result.resources.filter((r) => r.type === table)).toHaveLength(236);
    expect(callsIn(world.sandbox, A, east, "glue:GetTags")).toBe(0);
    // The walk (for ec2:instance) was denied; glue:table is not named as missing its tags.
    expect(result.data_quality.issues.map((i) => i.resource_type)).not.toContain(table);
  });

  it("names the type as not fully read when the Glue reads are denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [table], role: "noLambda" });
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toContainEqual(
      expect.objectContaining({ resource_type: table, code: "ACCESS_DENIED" }),
    );
    expect(result.resources).toEqual([]);
  });

  it("shows each tenant only its own tables", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [table] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "sales/globex_orders")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("ec2:vpc-endpoint", () => {
  const arnOf = (account: string, region: string, id: string) =>
    `arn:aws:ec2:${region}:${account}:vpc-endpoint/${id}`;

  it("finds a never-tagged endpoint with AWS's ARN and a tagged one with its tags; gateway and deleting ones are not reported", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [endpoint] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arnOf(A, east, vpce(1)))).toEqual([
      {
        arn: arnOf(A, east, vpce(1)),
        id: vpce(1),
        type: endpoint,
        region: east,
        account_id: A,
        tags: {},
        state: "available",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arnOf(A, west, vpce(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources.map((r) => r.id)).not.toContain(vpce(3));
    expect(result.resources.map((r) => r.id)).not.toContain(vpce(4));
    expect(result.resources).toHaveLength(1 + 1 + 1100);
    expect(callsIn(world.sandbox, A, west, "ec2:DescribeVpcEndpoints")).toBe(2);
  });

  it("reads tags inline when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [endpoint], role: "noTagging" });
    expect(only(result.resources, arnOf(A, west, vpce(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, arnOf(A, east, vpce(1)))).toHaveLength(1);
  });

  it("names the type as not fully read when DescribeVpcEndpoints is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [endpoint], role: "noLambda" });
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toContainEqual(
      expect.objectContaining({ resource_type: endpoint, code: "ACCESS_DENIED" }),
    );
    expect(only(result.resources, arnOf(A, east, vpce(1)))).toEqual([]);
  });

  it("shows each tenant only its own endpoints", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [endpoint] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arnOf(G, east, "vpce-0b000000000000001")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});
