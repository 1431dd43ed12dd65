// The batch-L2 listers against the sandbox: each finds a never-tagged resource of its type with the
// ARN AWS writes, brings a tagged one with its tags whether or not the Tagging walk ran, and never
// shows one tenant's resources to the other.
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

const L2_READ = [
  ...FULL_READ,
  "elasticfilesystem:DescribeFileSystems",
  "secretsmanager:ListSecrets",
  "kms:ListKeys",
  "kms:DescribeKey",
  "kms:ListResourceTags",
  "eks:ListClusters",
  "eks:DescribeCluster",
];
// The shared fixtures name roles by key; here "noLambda" is the role without this batch's reads.
const roles = batchRoles(L2_READ, (read) =>
  read.filter((a) => !a.startsWith("elasticfilesystem:") && !a.startsWith("secretsmanager:")),
);

const efs = "elasticfilesystem:file-system";
const ACME_L2: ResourceSeedInput[] = [
  { type: efs, region: east, id: "fs-0a000001", tags: {}, created_at: CREATED },
  { type: efs, region: west, id: "fs-0a000002", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  { type: efs, region: east, id: "fs-0a000003", tags: { Owner: "gone@acme.io" }, state: "deleted" },
  // 120 more in eu-west-1: two DescribeFileSystems pages.
  ...Array.from({ length: 120 }, (_, i) => ({
    type: efs,
    region: west,
    id: `fs-0c${String(i).padStart(6, "0")}`,
    tags: {},
  })),
];
const td = "ecs:task-definition";
const ACME_TD: ResourceSeedInput[] = [
  { type: td, region: east, id: "acme-web:1", tags: {}, created_at: CREATED },
  { type: td, region: east, id: "acme-web:2", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  // Deregistered: it can start no task, and is not reported.
  { type: td, region: west, id: "acme-old:1", tags: {}, state: "INACTIVE" },
];
const secret = "secretsmanager:secret";
const ACME_SECRETS: ResourceSeedInput[] = [
  { type: secret, region: east, id: "acme/db-password", tags: {}, created_at: CREATED },
  { type: secret, region: west, id: "acme-api-key", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  { type: secret, region: east, id: "acme-old", tags: { Owner: "a@acme.io" }, state: "scheduled-deletion" },
];
const key = "kms:key";
const kid = (n: number) => `1234abcd-12ab-34cd-56ef-${String(n).padStart(12, "0")}`;
const ACME_KEYS: ResourceSeedInput[] = [
  { type: key, region: east, id: kid(1), tags: {}, created_at: CREATED },
  { type: key, region: east, id: kid(2), tags: { Owner: "a@acme.io" }, created_at: CREATED },
  // An AWS-managed key (aws/s3): a service's, untaggable, never reported.
  { type: key, region: east, id: kid(3), tags: {}, attributes: { KeyManager: "AWS" } },
  { type: key, region: west, id: kid(4), tags: {}, state: "PendingDeletion" },
];
const eksType = "eks:cluster";
const ACME_EKS: ResourceSeedInput[] = [
  { type: eksType, region: west, id: "acme-scratch", tags: {}, created_at: CREATED },
  { type: eksType, region: east, id: "acme-prod", tags: { Owner: "a@acme.io" }, created_at: CREATED },
];
const GLOBEX_L2: ResourceSeedInput[] = [
  { type: eksType, region: east, id: "globex-k8s", tags: {}, created_at: CREATED },
  { type: key, region: east, id: kid(9), tags: {}, created_at: CREATED },
  { type: secret, region: east, id: "globex-token", tags: {}, created_at: CREATED },
  { type: efs, region: east, id: "fs-0b000001", tags: {}, created_at: CREATED },
  { type: td, region: east, id: "globex-job:4", tags: {}, created_at: CREATED },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      roles: roles(ACME.externalId),
      resources: [...ACME_L2, ...ACME_TD, ...ACME_SECRETS, ...ACME_KEYS, ...ACME_EKS],
    }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_L2 }),
  ]);
});
afterAll(() => world.stop());

const only = (resources: readonly Resource[], arn: string) => resources.filter((r) => r.arn === arn);

describe("elasticfilesystem:file-system", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:elasticfilesystem:${region}:${account}:file-system/${id}`;

  it("finds a never-tagged file system with AWS's ARN, and a tagged one with its tags", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [efs] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "fs-0a000001"))).toEqual([
      {
        arn: arn(A, east, "fs-0a000001"),
        id: "fs-0a000001",
        type: efs,
        region: east,
        account_id: A,
        tags: {},
        state: "available",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, west, "fs-0a000002"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "available" }),
    ]);
    // 121 in eu-west-1 (two pages), one live in us-east-1; the deleted one is not reported.
    expect(result.resources).toHaveLength(122);
    expect(result.resources.map((r) => r.id)).not.toContain("fs-0a000003");
    expect(callsIn(world.sandbox, A, west, "elasticfilesystem:DescribeFileSystems")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "elasticfilesystem:DescribeFileSystems")).toBe(1);
  });

  it("reads tags inline when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [efs], role: "noTagging" });
    expect(only(result.resources, arn(A, west, "fs-0a000002"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, arn(A, east, "fs-0a000001"))).toHaveLength(1);
  });

  it("names the type as not fully read when DescribeFileSystems is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [efs], role: "noLambda" });
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toContainEqual(
      expect.objectContaining({ resource_type: efs, code: "ACCESS_DENIED" }),
    );
    // The untagged one is invisible to the Tagging API: without the lister it is not found.
    expect(only(result.resources, arn(A, east, "fs-0a000001"))).toEqual([]);
  });

  it("shows each tenant only its own file systems", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [efs] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "fs-0b000001")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("ecs:task-definition", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:ecs:${region}:${account}:task-definition/${id}`;

  it("finds a never-tagged revision with AWS's ARN, describing only what the walk did not return", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [td] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-web:1"))).toEqual([
      {
        arn: arn(A, east, "acme-web:1"),
        id: "acme-web:1",
        type: td,
        region: east,
        account_id: A,
        tags: {},
        state: "ACTIVE",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-web:2"))).toEqual([
      expect.objectContaining({ id: "acme-web:2", tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources.map((r) => r.id)).not.toContain("acme-old:1");
    expect(result.resources).toHaveLength(2);
    // The walk vouched for acme-web:2's tags: only acme-web:1 is described.
    expect(callsIn(world.sandbox, A, east, "ecs:DescribeTaskDefinition")).toBe(1);
  });

  it("describes every revision, tags included, when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [td], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "acme-web:2"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "ACTIVE", created_at: CREATED }),
    ]);
    expect(only(result.resources, arn(A, east, "acme-web:1"))).toHaveLength(1);
    expect(callsIn(world.sandbox, A, east, "ecs:DescribeTaskDefinition")).toBe(2);
  });

  it("shows each tenant only its own task definitions", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [td] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-job:4")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("secretsmanager:secret", () => {
  /** AWS's shape: the name, a hyphen and six characters; the id is that resource part. */
  const shape = (account: string, region: string, name: string) =>
    new RegExp(`^arn:aws:secretsmanager:${region}:${account}:secret:${name}-[A-Za-z0-9]{6}$`);
  const named = (resources: readonly Resource[], name: string) =>
    resources.filter((r) => r.id.startsWith(`${name}-`) && r.id.length === name.length + 7);

  it("finds a never-tagged secret with AWS's ARN, a tagged one with its tags, none scheduled for deletion", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [secret] });
    expect(result.data_quality.status).toBe("complete");
    const [db] = named(result.resources, "acme/db-password");
    expect(db?.arn).toMatch(shape(A, east, "acme/db-password"));
    expect(db).toEqual({
      arn: db?.arn,
      id: db?.arn.split(":secret:")[1],
      type: secret,
      region: east,
      account_id: A,
      tags: {},
      state: null,
      created_at: CREATED,
    });
    expect(named(result.resources, "acme-api-key")).toEqual([
      expect.objectContaining({ region: west, tags: { Owner: "a@acme.io" } }),
    ]);
    // acme-old is tagged, so the Tagging API returns it; it is scheduled for deletion and not reported.
    expect(named(result.resources, "acme-old")).toEqual([]);
    expect(result.resources).toHaveLength(2);
    expect(callsIn(world.sandbox, A, east, "secretsmanager:ListSecrets")).toBe(1);
  });

  it("reads tags inline when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [secret], role: "noTagging" });
    expect(named(result.resources, "acme-api-key")).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(named(result.resources, "acme/db-password")).toHaveLength(1);
  });

  it("shows each tenant only its own secrets", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [secret] });
    expect(globex.resources.map((r) => r.arn)).toEqual([
      expect.stringMatching(shape(G, east, "globex-token")),
    ]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("kms:key", () => {
  const arn = (account: string, region: string, id: string) => `arn:aws:kms:${region}:${account}:key/${id}`;

  it("finds a never-tagged customer key with AWS's ARN; AWS-managed and pending-deletion keys are left out", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [key] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, kid(1)))).toEqual([
      {
        arn: arn(A, east, kid(1)),
        id: kid(1),
        type: key,
        region: east,
        account_id: A,
        tags: {},
        state: "Enabled",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, kid(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources.map((r) => r.id).sort()).toEqual([kid(1), kid(2)]);
    // kid(2) is vouched for by the walk: three keys described, no tag read.
    expect(callsIn(world.sandbox, A, east, "kms:DescribeKey")).toBe(2);
    expect(callsIn(world.sandbox, A, west, "kms:DescribeKey")).toBe(1);
    expect(callsIn(world.sandbox, A, east, "kms:ListResourceTags")).toBe(0);
  });

  it("reads a customer key's tags itself when the Tagging API is denied, never an AWS key's", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [key], role: "noTagging" });
    expect(only(result.resources, arn(A, east, kid(2)))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "Enabled" }),
    ]);
    expect(result.resources.map((r) => r.id).sort()).toEqual([kid(1), kid(2)]);
    expect(callsIn(world.sandbox, A, east, "kms:ListResourceTags")).toBe(2);
  });

  it("shows each tenant only its own keys", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [key] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, kid(9))]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("eks:cluster", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:eks:${region}:${account}:cluster/${id}`;

  it("finds a never-tagged cluster with AWS's ARN, describing only what the walk did not return", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [eksType] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, west, "acme-scratch"))).toEqual([
      {
        arn: arn(A, west, "acme-scratch"),
        id: "acme-scratch",
        type: eksType,
        region: west,
        account_id: A,
        tags: {},
        state: "ACTIVE",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-prod"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(2);
    expect(callsIn(world.sandbox, A, east, "eks:DescribeCluster")).toBe(0);
    expect(callsIn(world.sandbox, A, west, "eks:DescribeCluster")).toBe(1);
  });

  it("describes every cluster, tags included, when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [eksType], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "acme-prod"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "ACTIVE", created_at: CREATED }),
    ]);
    expect(only(result.resources, arn(A, west, "acme-scratch"))).toHaveLength(1);
  });

  it("shows each tenant only its own clusters", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [eksType] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-k8s")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});
