// The batch-L3 listers against the sandbox: EKS node groups, FSx file systems, Redshift clusters and
// EMR clusters. Each finds a never-tagged resource of its type with the ARN AWS writes, brings a
// tagged one with its tags whether or not the Tagging walk ran, pages, leaves out what is being
// deleted (or has terminated), and never shows one tenant's resources to the other.
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
  startWorld,
  type World,
} from "./fixtures";

const A = ACME.accountId;
const G = GLOBEX.accountId;
const east = "us-east-1";
const west = "eu-west-1";

const L3_READ = [
  ...FULL_READ,
  "eks:ListClusters",
  "eks:DescribeCluster",
  "eks:ListNodegroups",
  "eks:DescribeNodegroup",
  "fsx:DescribeFileSystems",
  "redshift:DescribeClusters",
  "elasticmapreduce:ListClusters",
  "elasticmapreduce:DescribeCluster",
];
// The shared fixtures name roles by key; here "noLambda" is the role without Redshift and FSx reads.
const roles = batchRoles(L3_READ, (read) =>
  read.filter((a) => !a.startsWith("redshift:") && !a.startsWith("fsx:")),
);

const ng = "eks:nodegroup";
const eksCluster = "eks:cluster";
const ACME_NODEGROUPS: ResourceSeedInput[] = [
  { type: eksCluster, region: east, id: "acme-prod", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  { type: eksCluster, region: west, id: "acme-big", tags: {}, created_at: CREATED },
  { type: ng, region: east, id: "spot", tags: {}, created_at: CREATED, attributes: { cluster: "acme-prod" } },
  {
    type: ng,
    region: east,
    id: "workers",
    tags: { Owner: "a@acme.io" },
    created_at: CREATED,
    attributes: { cluster: "acme-prod" },
  },
  { type: ng, region: east, id: "old", tags: {}, state: "DELETING", attributes: { cluster: "acme-prod" } },
  // 120 under one cluster in eu-west-1: two ListNodegroups pages.
  ...Array.from({ length: 120 }, (_, i) => ({
    type: ng,
    region: west,
    id: `ng-${String(i).padStart(3, "0")}`,
    tags: {},
    attributes: { cluster: "acme-big" },
  })),
];
const fsx = "fsx:file-system";
const fsId = (n: number) => `fs-0${n.toString(16).padStart(16, "0")}`;
const ACME_FSX: ResourceSeedInput[] = [
  { type: fsx, region: east, id: fsId(1), tags: {}, created_at: CREATED },
  { type: fsx, region: west, id: fsId(2), tags: { Owner: "a@acme.io" }, created_at: CREATED },
  { type: fsx, region: east, id: fsId(3), tags: { Owner: "gone@acme.io" }, state: "DELETING" },
  // 110 more in eu-west-1: two DescribeFileSystems pages of 100.
  ...Array.from({ length: 110 }, (_, i) => ({ type: fsx, region: west, id: fsId(1000 + i), tags: {} })),
];
const rs = "redshift:cluster";
const ACME_REDSHIFT: ResourceSeedInput[] = [
  { type: rs, region: east, id: "acme-dw", tags: {}, created_at: CREATED },
  { type: rs, region: west, id: "acme-bi", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  { type: rs, region: east, id: "acme-old", tags: { Owner: "a@acme.io" }, state: "deleting" },
  { type: rs, region: east, id: "acme-paused", tags: {}, state: "paused" },
  // 110 more in eu-west-1: two DescribeClusters pages of 100.
  ...Array.from({ length: 110 }, (_, i) => ({
    type: rs,
    region: west,
    id: `dw-${String(i).padStart(3, "0")}`,
    tags: {},
  })),
];
const emr = "emr:cluster";
const jid = (n: number) => `j-${String(n).padStart(13, "0")}`;
const ACME_EMR: ResourceSeedInput[] = [
  { type: emr, region: east, id: jid(1), tags: {}, created_at: CREATED },
  {
    type: emr,
    region: east,
    id: jid(2),
    tags: { Owner: "a@acme.io" },
    created_at: CREATED,
    state: "RUNNING",
  },
  // Terminated: billed no more, but listed for two months, and returned by the Tagging API when tagged.
  { type: emr, region: east, id: jid(3), tags: { Owner: "a@acme.io" }, state: "TERMINATED" },
  { type: emr, region: east, id: jid(4), tags: {}, state: "TERMINATED_WITH_ERRORS" },
  // 60 live in eu-west-1: two ListClusters pages of 50.
  ...Array.from({ length: 60 }, (_, i) => ({ type: emr, region: west, id: jid(1000 + i), tags: {} })),
];
const GLOBEX_L3: ResourceSeedInput[] = [
  { type: eksCluster, region: east, id: "acme-prod", tags: {}, created_at: CREATED },
  { type: ng, region: east, id: "globex-ng", tags: {}, attributes: { cluster: "acme-prod" } },
  { type: fsx, region: east, id: fsId(9), tags: {}, created_at: CREATED },
  { type: rs, region: east, id: "globex-dw", tags: {}, created_at: CREATED },
  { type: emr, region: east, id: jid(9), tags: {}, created_at: CREATED },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      roles: roles(ACME.externalId),
      resources: [...ACME_NODEGROUPS, ...ACME_FSX, ...ACME_REDSHIFT, ...ACME_EMR],
    }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_L3 }),
  ]);
});
afterAll(() => world.stop());

const only = (resources: readonly Resource[], arn: string | RegExp) =>
  resources.filter((r) => (typeof arn === "string" ? r.arn === arn : arn.test(r.arn)));

describe("eks:nodegroup", () => {
  const arn = (account: string, region: string, cluster: string, name: string) =>
    new RegExp(`^arn:aws:eks:${region}:${account}:nodegroup/${cluster}/${name}/[0-9a-f-]{36}$`);

  it("finds a never-tagged node group with AWS's ARN, describing only what the walk did not return", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [ng] });
    expect(result.data_quality.status).toBe("complete");
    const [spot] = only(result.resources, arn(A, east, "acme-prod", "spot"));
    expect(spot).toEqual({
      arn: spot?.arn,
      id: "spot",
      type: ng,
      region: east,
      account_id: A,
      tags: {},
      state: "ACTIVE",
      created_at: CREATED,
    });
    expect(only(result.resources, arn(A, east, "acme-prod", "workers"))).toEqual([
      expect.objectContaining({ id: "workers", tags: { Owner: "a@acme.io" } }),
    ]);
    // Being deleted: described (the walk does not know it) and left out.
    expect(result.resources.map((r) => r.id)).not.toContain("old");
    expect(result.resources).toHaveLength(122);
    expect(callsIn(world.sandbox, A, west, "eks:ListNodegroups")).toBe(2);
    // workers is vouched for by the walk: spot and old are described in us-east-1.
    expect(callsIn(world.sandbox, A, east, "eks:DescribeNodegroup")).toBe(2);
  });

  it("lists the region's clusters once when clusters and node groups are both scanned", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [eksCluster, ng] });
    expect(result.data_quality.status).toBe("complete");
    expect(
      result.resources
        .filter((r) => r.type === eksCluster)
        .map((r) => r.id)
        .sort(),
    ).toEqual(["acme-big", "acme-prod"]);
    expect(callsIn(world.sandbox, A, east, "eks:ListClusters")).toBe(1);
    expect(callsIn(world.sandbox, A, west, "eks:ListClusters")).toBe(1);
  });

  it("describes every node group, tags included, when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [ng], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "acme-prod", "workers"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "ACTIVE", created_at: CREATED }),
    ]);
    expect(result.resources).toHaveLength(122);
    expect(callsIn(world.sandbox, A, east, "eks:DescribeNodegroup")).toBe(3);
  });

  it("shows each tenant only its own node groups, even under the same cluster name", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [ng] });
    expect(globex.resources).toHaveLength(1);
    expect(globex.resources[0]?.arn).toMatch(arn(G, east, "acme-prod", "globex-ng"));
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("fsx:file-system", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:fsx:${region}:${account}:file-system/${id}`;

  it("finds a never-tagged file system with AWS's ARN, a tagged one with its tags, none being deleted", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [fsx] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, fsId(1)))).toEqual([
      {
        arn: arn(A, east, fsId(1)),
        id: fsId(1),
        type: fsx,
        region: east,
        account_id: A,
        tags: {},
        state: "AVAILABLE",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, west, fsId(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    // fsId(3) is tagged, so the Tagging API returns it; it is being deleted and not reported.
    expect(result.resources.map((r) => r.id)).not.toContain(fsId(3));
    expect(result.resources).toHaveLength(112);
    expect(callsIn(world.sandbox, A, west, "fsx:DescribeFileSystems")).toBe(2);
  });

  it("reads tags inline when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [fsx], role: "noTagging" });
    expect(only(result.resources, arn(A, west, fsId(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(112);
  });

  it("shows each tenant only its own file systems", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [fsx] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, fsId(9))]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("redshift:cluster", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:redshift:${region}:${account}:cluster:${id}`;

  it("finds a never-tagged cluster with AWS's ARN (cluster:<id>), a tagged one with its tags, none being deleted", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [rs] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-dw"))).toEqual([
      {
        arn: arn(A, east, "acme-dw"),
        id: "acme-dw",
        type: rs,
        region: east,
        account_id: A,
        tags: {},
        state: "available",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, west, "acme-bi"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    // A paused cluster still bills its storage: reported.
    expect(only(result.resources, arn(A, east, "acme-paused"))).toEqual([
      expect.objectContaining({ state: "paused" }),
    ]);
    expect(result.resources.map((r) => r.id)).not.toContain("acme-old");
    expect(result.resources).toHaveLength(113);
    expect(callsIn(world.sandbox, A, west, "redshift:DescribeClusters")).toBe(2);
  });

  it("reads tags inline when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [rs], role: "noTagging" });
    expect(only(result.resources, arn(A, west, "acme-bi"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(113);
  });

  it("names the type as not fully read when DescribeClusters is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [rs], role: "noLambda" });
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toContainEqual(
      expect.objectContaining({ resource_type: rs, code: "ACCESS_DENIED" }),
    );
    expect(only(result.resources, arn(A, east, "acme-dw"))).toEqual([]);
  });

  it("shows each tenant only its own clusters", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [rs] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-dw")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("emr:cluster", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:elasticmapreduce:${region}:${account}:cluster/${id}`;

  it("finds a never-tagged running cluster with AWS's ARN from ListClusters alone; terminated ones are left out", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [emr] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, jid(1)))).toEqual([
      {
        arn: arn(A, east, jid(1)),
        id: jid(1),
        type: emr,
        region: east,
        account_id: A,
        tags: {},
        state: "WAITING",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, jid(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "RUNNING" }),
    ]);
    // jid(3) is tagged and terminated: the Tagging API returns it, the lister excludes it.
    expect(result.resources.map((r) => r.id)).not.toContain(jid(3));
    expect(result.resources.map((r) => r.id)).not.toContain(jid(4));
    expect(result.resources).toHaveLength(62);
    expect(callsIn(world.sandbox, A, west, "elasticmapreduce:ListClusters")).toBe(2);
    // The walk vouched for every cluster's tags: nothing is described.
    expect(callsIn(world.sandbox, A, east, "elasticmapreduce:DescribeCluster")).toBe(0);
  });

  it("describes each running cluster for its tags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [emr], role: "noTagging" });
    expect(only(result.resources, arn(A, east, jid(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "RUNNING", created_at: CREATED }),
    ]);
    expect(result.resources.map((r) => r.id)).not.toContain(jid(3));
    expect(result.resources).toHaveLength(62);
    expect(callsIn(world.sandbox, A, east, "elasticmapreduce:DescribeCluster")).toBe(2);
  });

  it("shows each tenant only its own clusters", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [emr] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, jid(9))]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});
