// The batch-C2 listers (services new to the catalog) against the sandbox: each finds a never-tagged
// resource of its type with the ARN AWS writes, brings a tagged one with its tags whether or not the
// Tagging walk ran, pages, leaves out what is being deleted, and never shows one tenant's resources
// to the other.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import type { Resource } from "@tagc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  MANY_TAGS,
  startWorld,
  type World,
} from "./fixtures";

const A = ACME.accountId;
const G = GLOBEX.accountId;
const east = "us-east-1";
const west = "eu-west-1";

const C2_READ = [
  ...FULL_READ,
  "firehose:ListDeliveryStreams",
  "firehose:DescribeDeliveryStream",
  "firehose:ListTagsForDeliveryStream",
  "kafka:ListClustersV2",
  "dms:DescribeReplicationInstances",
  "dms:ListTagsForResource",
  "memorydb:DescribeClusters",
  "memorydb:ListTags",
  "transfer:ListServers",
  "transfer:ListTagsForResource",
  "apprunner:ListServices",
  "apprunner:ListTagsForResource",
  "dax:DescribeClusters",
  "dax:ListTags",
];
const roles = batchRoles(C2_READ);

const fh = "firehose:deliverystream";
const ACME_FIREHOSE: ResourceSeedInput[] = [
  { type: fh, region: west, id: "acme-clicks", tags: {}, created_at: CREATED },
  { type: fh, region: east, id: "acme-logs", tags: MANY_TAGS, created_at: CREATED },
  { type: fh, region: east, id: "acme-old", tags: {}, state: "DELETING" },
  { type: fh, region: east, id: "acme-old-tagged", tags: { Owner: "a@acme.io" }, state: "DELETING" },
  // 30 more in us-east-1, none tagged. (ListDeliveryStreams takes up to 10,000 a page: the sandbox
  // test walks its ExclusiveStartDeliveryStreamName paging.)
  ...Array.from({ length: 30 }, (_, i) => ({
    type: fh,
    region: east,
    id: `acme-bulk-${String(i).padStart(3, "0")}`,
    tags: {},
  })),
];
const msk = "kafka:cluster";
const ACME_MSK: ResourceSeedInput[] = [
  { type: msk, region: east, id: "acme-events", tags: {}, created_at: CREATED },
  { type: msk, region: west, id: "acme-metrics", tags: MANY_TAGS, attributes: { ClusterType: "SERVERLESS" } },
  { type: msk, region: east, id: "acme-retired", tags: { Owner: "a@acme.io" }, state: "DELETING" },
  // 120 more in eu-west-1: two ListClustersV2 pages of 100.
  ...Array.from(
    { length: 120 },
    (_, i): ResourceSeedInput => ({
      type: msk,
      region: west,
      id: `acme-msk-${String(i).padStart(3, "0")}`,
      tags: i % 2 ? { Owner: "a@acme.io" } : {},
    }),
  ),
];
const rep = "dms:rep";
const ACME_DMS: ResourceSeedInput[] = [
  { type: rep, region: east, id: "acme-orders-migration", tags: {}, created_at: CREATED },
  { type: rep, region: east, id: "acme-crm-migration", tags: MANY_TAGS, created_at: CREATED },
  { type: rep, region: east, id: "acme-done", tags: { Owner: "a@acme.io" }, state: "deleting" },
  // 110 more in eu-west-1: two DescribeReplicationInstances pages of 100, six tag batches of 20.
  ...Array.from(
    { length: 110 },
    (_, i): ResourceSeedInput => ({
      type: rep,
      region: west,
      id: `acme-rep-${String(i).padStart(3, "0")}`,
      tags: i % 2 ? { Owner: "a@acme.io" } : {},
    }),
  ),
];
const mem = "memorydb:cluster";
const ACME_MEMORYDB: ResourceSeedInput[] = [
  { type: mem, region: west, id: "acme-sessions", tags: {} },
  { type: mem, region: east, id: "acme-cache", tags: MANY_TAGS },
  { type: mem, region: east, id: "acme-gone", tags: { Owner: "a@acme.io" }, state: "deleting" },
  // 105 more in us-east-1: two DescribeClusters pages of 100.
  ...Array.from(
    { length: 105 },
    (_, i): ResourceSeedInput => ({
      type: mem,
      region: east,
      id: `acme-mem-${String(i).padStart(3, "0")}`,
      tags: i % 3 ? {} : { Owner: "a@acme.io" },
    }),
  ),
];
const sftp = "transfer:server";
const sid = (n: number) => `s-${String(n).padStart(17, "0")}`;
const ACME_TRANSFER: ResourceSeedInput[] = [
  { type: sftp, region: east, id: sid(1), tags: {} },
  { type: sftp, region: east, id: sid(2), tags: MANY_TAGS, state: "OFFLINE" },
  { type: sftp, region: west, id: sid(3), tags: { Owner: "a@acme.io" } },
];
const app = "apprunner:service";
const ACME_APPRUNNER: ResourceSeedInput[] = [
  { type: app, region: east, id: "acme-api", tags: {}, created_at: CREATED },
  { type: app, region: east, id: "acme-preview", tags: MANY_TAGS, state: "PAUSED" },
  { type: app, region: east, id: "acme-retired", tags: { Owner: "a@acme.io" }, state: "DELETED" },
  // 25 more in eu-west-1: two ListServices pages of 20.
  ...Array.from(
    { length: 25 },
    (_, i): ResourceSeedInput => ({
      type: app,
      region: west,
      id: `acme-web-${String(i).padStart(2, "0")}`,
      tags: i % 2 ? { Owner: "a@acme.io" } : {},
    }),
  ),
];
const daxType = "dax:cache";
const ACME_DAX: ResourceSeedInput[] = [
  { type: daxType, region: east, id: "acme-orders-dax", tags: {} },
  { type: daxType, region: west, id: "acme-catalog-dax", tags: MANY_TAGS },
  { type: daxType, region: east, id: "acme-old-dax", tags: { Owner: "a@acme.io" }, state: "deleting" },
];
const GLOBEX_C2: ResourceSeedInput[] = [
  { type: daxType, region: east, id: "globex-dax", tags: {} },
  { type: app, region: east, id: "globex-api", tags: {} },
  { type: sftp, region: east, id: sid(9), tags: {} },
  { type: mem, region: east, id: "globex-sessions", tags: {} },
  { type: rep, region: east, id: "globex-migration", tags: {}, created_at: CREATED },
  { type: fh, region: east, id: "globex-fh", tags: {}, created_at: CREATED },
  { type: msk, region: east, id: "globex-events", tags: {}, created_at: CREATED },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      roles: roles(ACME.externalId),
      resources: [
        ...ACME_FIREHOSE,
        ...ACME_MSK,
        ...ACME_DMS,
        ...ACME_MEMORYDB,
        ...ACME_TRANSFER,
        ...ACME_APPRUNNER,
        ...ACME_DAX,
      ],
    }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_C2 }),
  ]);
});
afterAll(() => world.stop());

const only = (resources: readonly Resource[], arn: string) => resources.filter((r) => r.arn === arn);

describe("firehose:deliverystream", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:firehose:${region}:${account}:deliverystream/${id}`;

  it("finds a never-tagged stream with AWS's ARN, describing only what the walk did not return", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [fh] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, west, "acme-clicks"))).toEqual([
      {
        arn: arn(A, west, "acme-clicks"),
        id: "acme-clicks",
        type: fh,
        region: west,
        account_id: A,
        tags: {},
        state: "ACTIVE",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-logs"))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS }),
    ]);
    // 30 bulk, acme-logs and acme-old-tagged in us-east-1, acme-clicks in eu-west-1. The untagged
    // deleting stream is described and left out; the tagged one is the walk's, never described (as
    // for EKS clusters: describing every stream to catch it would cost a call per tagged stream).
    expect(result.resources.map((r) => r.id)).not.toContain("acme-old");
    expect(result.resources).toHaveLength(33);
    expect(callsIn(world.sandbox, A, east, "firehose:DescribeDeliveryStream")).toBe(31);
    expect(callsIn(world.sandbox, A, east, "firehose:ListTagsForDeliveryStream")).toBe(0);
    // Limit 10000 a page: one call per region.
    expect(callsIn(world.sandbox, A, east, "firehose:ListDeliveryStreams")).toBe(1);
  });

  it("reads tags with ListTagsForDeliveryStream, page by page, when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [fh], role: "noTagging" });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-logs"))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS, state: "ACTIVE", created_at: CREATED }),
    ]);
    expect(only(result.resources, arn(A, west, "acme-clicks"))).toEqual([
      expect.objectContaining({ tags: {} }),
    ]);
    // Both deleting streams are left out once described.
    expect(result.resources.map((r) => r.id)).not.toContain("acme-old");
    expect(result.resources.map((r) => r.id)).not.toContain("acme-old-tagged");
    expect(result.resources).toHaveLength(32);
    expect(callsIn(world.sandbox, A, east, "firehose:ListTagsForDeliveryStream")).toBe(31);
  });

  it("shows each tenant only its own streams", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [fh] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-fh")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("kafka:cluster", () => {
  const arn = (account: string, region: string, id: string) =>
    new RegExp(`^arn:aws:kafka:${region}:${account}:cluster/${id}/[0-9a-f-]{36}-\\d+$`);
  const find = (resources: readonly Resource[], id: string) => resources.filter((r) => r.id === id);

  it("finds a never-tagged cluster with AWS's ARN and tagged ones with their tags, from the list alone", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [msk] });
    expect(result.data_quality.status).toBe("complete");
    const [events] = find(result.resources, "acme-events");
    expect(events).toEqual({
      arn: expect.stringMatching(arn(A, east, "acme-events")),
      id: "acme-events",
      type: msk,
      region: east,
      account_id: A,
      tags: {},
      state: "ACTIVE",
      created_at: CREATED,
    });
    expect(find(result.resources, "acme-metrics")).toEqual([
      expect.objectContaining({ arn: expect.stringMatching(arn(A, west, "acme-metrics")), tags: MANY_TAGS }),
    ]);
    // The deleting cluster is left out even though the Tagging walk returns it.
    expect(find(result.resources, "acme-retired")).toEqual([]);
    expect(result.resources).toHaveLength(122);
    expect(callsIn(world.sandbox, A, west, "kafka:ListClustersV2")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "kafka:ListClustersV2")).toBe(1);
  });

  it("reads the tags inline when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [msk], role: "noTagging" });
    expect(result.data_quality.status).toBe("complete");
    expect(find(result.resources, "acme-metrics")).toEqual([expect.objectContaining({ tags: MANY_TAGS })]);
    expect(find(result.resources, "acme-msk-001")).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(find(result.resources, "acme-events")).toEqual([expect.objectContaining({ tags: {} })]);
    expect(find(result.resources, "acme-retired")).toEqual([]);
  });

  it("shows each tenant only its own clusters", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [msk] });
    expect(globex.resources.map((r) => r.id)).toEqual(["globex-events"]);
    expect(globex.resources[0]?.arn).toMatch(arn(G, east, "globex-events"));
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("dms:rep", () => {
  const REP_ARN = (account: string, region: string) =>
    new RegExp(`^arn:aws:dms:${region}:${account}:rep:[A-Z2-7]{26}$`);
  const idOf = (arn: string) => arn.slice(arn.lastIndexOf(":") + 1);

  it("finds a never-tagged replication instance with the ARN DMS writes, tags from the walk alone", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [rep] });
    expect(result.data_quality.status).toBe("complete");
    const east1 = result.resources.filter((r) => r.region === east);
    // acme-orders-migration (never tagged) and acme-crm-migration; the deleting one is left out even
    // though the walk returns it.
    expect(east1).toHaveLength(2);
    const untagged = east1.find((r) => Object.keys(r.tags).length === 0);
    expect(untagged?.arn).toMatch(REP_ARN(A, east));
    expect(untagged).toEqual({
      arn: untagged?.arn,
      id: idOf(untagged?.arn ?? ""),
      type: rep,
      region: east,
      account_id: A,
      tags: {},
      state: "available",
      created_at: CREATED,
    });
    expect(east1.find((r) => r.arn !== untagged?.arn)?.tags).toEqual(MANY_TAGS);
    expect(result.resources).toHaveLength(112);
    expect(callsIn(world.sandbox, A, west, "dms:DescribeReplicationInstances")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "dms:ListTagsForResource")).toBe(0);
    expect(callsIn(world.sandbox, A, west, "dms:ListTagsForResource")).toBe(0);
  });

  it("reads tags in batches of 20 ARNs when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [rep], role: "noTagging" });
    expect(result.data_quality.status).toBe("complete");
    expect(result.resources).toHaveLength(112);
    const west1 = result.resources.filter((r) => r.region === west);
    expect(west1.filter((r) => r.tags.Owner === "a@acme.io")).toHaveLength(55);
    expect(west1.filter((r) => Object.keys(r.tags).length === 0)).toHaveLength(55);
    expect(result.resources.filter((r) => r.region === east).map((r) => r.tags)).toEqual(
      expect.arrayContaining([{}, MANY_TAGS]),
    );
    expect(callsIn(world.sandbox, A, west, "dms:ListTagsForResource")).toBe(6);
    expect(callsIn(world.sandbox, A, east, "dms:ListTagsForResource")).toBe(1);
  });

  it("shows each tenant only its own replication instances", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [rep] });
    expect(globex.resources).toHaveLength(1);
    expect(globex.resources[0]?.arn).toMatch(REP_ARN(G, east));
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("memorydb:cluster", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:memorydb:${region}:${account}:cluster/${id}`;

  it("finds a never-tagged cluster with AWS's ARN; tags come from the walk, with no ListTags", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [mem] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, west, "acme-sessions"))).toEqual([
      {
        arn: arn(A, west, "acme-sessions"),
        id: "acme-sessions",
        type: mem,
        region: west,
        account_id: A,
        tags: {},
        state: "available",
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-cache"))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS, state: "available" }),
    ]);
    // The deleting cluster is left out even though the walk returns it.
    expect(only(result.resources, arn(A, east, "acme-gone"))).toEqual([]);
    expect(result.resources).toHaveLength(107);
    expect(callsIn(world.sandbox, A, east, "memorydb:DescribeClusters")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "memorydb:ListTags")).toBe(0);
  });

  it("reads each cluster's tags with ListTags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [mem], role: "noTagging" });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-cache"))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS }),
    ]);
    expect(only(result.resources, arn(A, east, "acme-mem-003"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, arn(A, west, "acme-sessions"))).toEqual([
      expect.objectContaining({ tags: {} }),
    ]);
    expect(result.resources).toHaveLength(107);
    expect(callsIn(world.sandbox, A, east, "memorydb:ListTags")).toBe(106);
  });

  it("shows each tenant only its own clusters", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [mem] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-sessions")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("transfer:server", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:transfer:${region}:${account}:server/${id}`;

  it("finds a never-tagged server with AWS's ARN, a stopped one too (still billed), no tag call", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [sftp] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, sid(1)))).toEqual([
      {
        arn: arn(A, east, sid(1)),
        id: sid(1),
        type: sftp,
        region: east,
        account_id: A,
        tags: {},
        state: "ONLINE",
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn(A, east, sid(2)))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS, state: "OFFLINE" }),
    ]);
    expect(result.resources).toHaveLength(3);
    expect(callsIn(world.sandbox, A, east, "transfer:ListTagsForResource")).toBe(0);
  });

  it("reads each server's tags with ListTagsForResource when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [sftp], role: "noTagging" });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, sid(2)))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS }),
    ]);
    expect(only(result.resources, arn(A, west, sid(3)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, arn(A, east, sid(1)))).toEqual([expect.objectContaining({ tags: {} })]);
    expect(callsIn(world.sandbox, A, east, "transfer:ListTagsForResource")).toBe(2);
  });

  it("shows each tenant only its own servers", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [sftp] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, sid(9))]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("apprunner:service", () => {
  const ARN = (account: string, region: string, name: string) =>
    new RegExp(`^arn:aws:apprunner:${region}:${account}:service/${name}/[0-9a-f]{32}$`);
  const find = (resources: readonly Resource[], id: string) => resources.filter((r) => r.id === id);

  it("finds a never-tagged service with AWS's ARN, status and creation time; no tag call", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [app] });
    expect(result.data_quality.status).toBe("complete");
    const [api] = find(result.resources, "acme-api");
    expect(api).toEqual({
      arn: expect.stringMatching(ARN(A, east, "acme-api")),
      id: "acme-api",
      type: app,
      region: east,
      account_id: A,
      tags: {},
      state: "RUNNING",
      created_at: CREATED,
    });
    expect(find(result.resources, "acme-preview")).toEqual([
      expect.objectContaining({ tags: MANY_TAGS, state: "PAUSED" }),
    ]);
    // The deleted service is left out even though the walk returns it.
    expect(find(result.resources, "acme-retired")).toEqual([]);
    expect(result.resources).toHaveLength(27);
    expect(callsIn(world.sandbox, A, west, "apprunner:ListServices")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "apprunner:ListTagsForResource")).toBe(0);
  });

  it("reads each service's tags with ListTagsForResource when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [app], role: "noTagging" });
    expect(result.data_quality.status).toBe("complete");
    expect(find(result.resources, "acme-preview")).toEqual([expect.objectContaining({ tags: MANY_TAGS })]);
    expect(find(result.resources, "acme-web-01")).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(find(result.resources, "acme-api")).toEqual([expect.objectContaining({ tags: {} })]);
    expect(find(result.resources, "acme-retired")).toEqual([]);
    expect(callsIn(world.sandbox, A, west, "apprunner:ListTagsForResource")).toBe(25);
  });

  it("shows each tenant only its own services", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [app] });
    expect(globex.resources.map((r) => r.id)).toEqual(["globex-api"]);
    expect(globex.resources[0]?.arn).toMatch(ARN(G, east, "globex-api"));
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("dax:cache", () => {
  const arn = (account: string, region: string, id: string) => `arn:aws:dax:${region}:${account}:cache/${id}`;

  it("finds a never-tagged DAX cluster with AWS's ARN; tags come from the walk, with no ListTags", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [daxType] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-orders-dax"))).toEqual([
      {
        arn: arn(A, east, "acme-orders-dax"),
        id: "acme-orders-dax",
        type: daxType,
        region: east,
        account_id: A,
        tags: {},
        state: "available",
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn(A, west, "acme-catalog-dax"))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS }),
    ]);
    // The deleting cluster is left out even though the walk returns it.
    expect(only(result.resources, arn(A, east, "acme-old-dax"))).toEqual([]);
    expect(result.resources).toHaveLength(2);
    expect(callsIn(world.sandbox, A, west, "dax:ListTags")).toBe(0);
  });

  it("reads tags with ListTags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [daxType], role: "noTagging" });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, west, "acme-catalog-dax"))).toEqual([
      expect.objectContaining({ tags: MANY_TAGS }),
    ]);
    expect(only(result.resources, arn(A, east, "acme-orders-dax"))).toEqual([
      expect.objectContaining({ tags: {} }),
    ]);
    expect(result.resources).toHaveLength(2);
    expect(callsIn(world.sandbox, A, west, "dax:ListTags")).toBe(1);
  });

  it("shows each tenant only its own clusters", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [daxType] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-dax")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});
