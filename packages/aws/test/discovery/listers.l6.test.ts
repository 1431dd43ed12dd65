// The batch-L6 listers against the sandbox (Cognito user and identity pools, API Gateway REST APIs,
// CodeBuild projects): each finds a never-tagged resource with the ARN AWS writes, brings a tagged
// one with its tags whether or not the Tagging walk ran, pages, and never shows one tenant's
// resources to the other. None of these services lists a deleting resource (each deletes at once);
// one deleted between the list and the describe is not reported.
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

const L6_READ = [
  ...FULL_READ,
  "cognito-idp:ListUserPools",
  "cognito-idp:DescribeUserPool",
  "cognito-identity:ListIdentityPools",
  "cognito-identity:DescribeIdentityPool",
  "apigateway:GET",
  "codebuild:ListProjects",
  "codebuild:BatchGetProjects",
];
const roles = batchRoles(L6_READ);

const only = (resources: readonly Resource[], arn: string) => resources.filter((r) => r.arn === arn);
const many = (type: string, count: number, id: (i: number) => string): ResourceSeedInput[] =>
  Array.from({ length: count }, (_, i) => ({ type, region: west, id: id(i), tags: {} }));

const userPool = "cognito-idp:userpool";
const identityPool = "cognito-identity:identitypool";
const restApi = "apigateway:restapi";
const project = "codebuild:project";
const uuid = (n: number) => `6a6a${String(n).padStart(4, "0")}-1111-2222-3333-444455556666`;

const ACME_L6: ResourceSeedInput[] = [
  { type: userPool, region: east, id: "us-east-1_Untagged1", tags: {}, created_at: CREATED },
  {
    type: userPool,
    region: east,
    id: "us-east-1_Tagged001",
    tags: { Owner: "a@acme.io" },
    created_at: CREATED,
  },
  // 70 more in eu-west-1: two ListUserPools pages of 60.
  ...many(userPool, 70, (i) => `eu-west-1_Pool${String(i).padStart(4, "0")}`),
  { type: identityPool, region: east, id: `us-east-1:${uuid(1)}`, tags: {} },
  { type: identityPool, region: east, id: `us-east-1:${uuid(2)}`, tags: { Owner: "a@acme.io" } },
  ...many(identityPool, 65, (i) => `eu-west-1:${uuid(100 + i)}`),
  { type: restApi, region: east, id: "a1a1a1a1a1", tags: {}, created_at: CREATED },
  { type: restApi, region: east, id: "b2b2b2b2b2", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  // 510 more in eu-west-1: two GetRestApis pages of 500.
  ...many(restApi, 510, (i) => `w${String(i).padStart(9, "0")}`),
  { type: project, region: east, id: "acme-untagged-ci", tags: {}, created_at: CREATED },
  { type: project, region: east, id: "acme-tagged-ci", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  // 150 more in eu-west-1: two ListProjects pages and two BatchGetProjects calls.
  ...many(project, 150, (i) => `build-${String(i).padStart(4, "0")}`),
];
const GLOBEX_L6: ResourceSeedInput[] = [
  { type: userPool, region: east, id: "us-east-1_Globex001", tags: {} },
  { type: identityPool, region: east, id: `us-east-1:${uuid(9)}`, tags: {} },
  { type: restApi, region: east, id: "g9g9g9g9g9", tags: {} },
  { type: project, region: east, id: "globex-ci", tags: {} },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({ roles: roles(ACME.externalId), resources: ACME_L6 }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_L6 }),
  ]);
});
afterAll(() => world.stop());

describe("cognito-idp:userpool", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:cognito-idp:${region}:${account}:userpool/${id}`;

  it("finds a never-tagged pool with AWS's ARN from the listing alone when the walk ran", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [userPool] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "us-east-1_Untagged1"))).toEqual([
      {
        arn: arn(A, east, "us-east-1_Untagged1"),
        id: "us-east-1_Untagged1",
        type: userPool,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "us-east-1_Tagged001"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, created_at: CREATED }),
    ]);
    expect(result.resources).toHaveLength(72);
    expect(callsIn(world.sandbox, A, west, "cognito-idp:ListUserPools")).toBe(2);
    // The walk vouched for every pool's tags: none is described.
    expect(callsIn(world.sandbox, A, east, "cognito-idp:DescribeUserPool")).toBe(0);
    expect(callsIn(world.sandbox, A, west, "cognito-idp:DescribeUserPool")).toBe(0);
  });

  it("describes every pool, tags included, when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [userPool], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "us-east-1_Tagged001"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, arn(A, east, "us-east-1_Untagged1"))).toEqual([
      expect.objectContaining({ tags: {} }),
    ]);
    expect(only(result.resources, arn(A, east, "us-east-1_Tagged001"))[0]?.created_at).toBe(CREATED);
    expect(callsIn(world.sandbox, A, east, "cognito-idp:DescribeUserPool")).toBe(2);
    expect(callsIn(world.sandbox, A, west, "cognito-idp:DescribeUserPool")).toBe(70);
  });

  it("shows each tenant only its own pools", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [userPool] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "us-east-1_Globex001")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("cognito-identity:identitypool", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:cognito-identity:${region}:${account}:identitypool/${id}`;

  it("finds a never-tagged pool with AWS's ARN from the listing alone when the walk ran", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [identityPool] });
    expect(result.data_quality.status).toBe("complete");
    const id = `us-east-1:${uuid(1)}`;
    expect(only(result.resources, arn(A, east, id))).toEqual([
      {
        arn: arn(A, east, id),
        id,
        type: identityPool,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn(A, east, `us-east-1:${uuid(2)}`))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(67);
    expect(callsIn(world.sandbox, A, west, "cognito-identity:ListIdentityPools")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "cognito-identity:DescribeIdentityPool")).toBe(0);
    expect(callsIn(world.sandbox, A, west, "cognito-identity:DescribeIdentityPool")).toBe(0);
  });

  it("describes every pool, tags included, when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [identityPool], role: "noTagging" });
    expect(only(result.resources, arn(A, east, `us-east-1:${uuid(2)}`))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(callsIn(world.sandbox, A, east, "cognito-identity:DescribeIdentityPool")).toBe(2);
  });

  it("shows each tenant only its own pools", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [identityPool] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, `us-east-1:${uuid(9)}`)]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("apigateway:restapi", () => {
  // No account in the ARN: the API's path.
  const arn = (region: string, id: string) => `arn:aws:apigateway:${region}::/restapis/${id}`;

  it("finds a never-tagged API with AWS's ARN and tags inline, 500 a page", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [restApi] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(east, "a1a1a1a1a1"))).toEqual([
      {
        arn: arn(east, "a1a1a1a1a1"),
        id: "a1a1a1a1a1",
        type: restApi,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(east, "b2b2b2b2b2"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(512);
    expect(callsIn(world.sandbox, A, west, "apigateway:GET")).toBe(2);
  });

  it("reads tags inline when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [restApi], role: "noTagging" });
    expect(only(result.resources, arn(east, "b2b2b2b2b2"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(512);
  });

  it("shows each tenant only its own APIs", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [restApi] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(east, "g9g9g9g9g9")]);
    expect(globex.resources[0]?.account_id).toBe(G);
    expect(JSON.stringify(globex)).not.toContain("a1a1a1a1a1");
  });
});

describe("codebuild:project", () => {
  const arn = (account: string, region: string, id: string) =>
    `arn:aws:codebuild:${region}:${account}:project/${id}`;

  it("finds a never-tagged project with AWS's ARN, batch-reading only what the walk did not return", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [project] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-untagged-ci"))).toEqual([
      {
        arn: arn(A, east, "acme-untagged-ci"),
        id: "acme-untagged-ci",
        type: project,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-tagged-ci"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(152);
    expect(callsIn(world.sandbox, A, west, "codebuild:ListProjects")).toBe(2);
    // 150 never-tagged projects: two batches of at most 100.
    expect(callsIn(world.sandbox, A, west, "codebuild:BatchGetProjects")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "codebuild:BatchGetProjects")).toBe(1);
  });

  it("batch-reads every project, tags included, when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [project], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "acme-tagged-ci"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, created_at: CREATED }),
    ]);
    expect(result.resources).toHaveLength(152);
  });

  it("shows each tenant only its own projects", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [project] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-ci")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("a resource deleted between the listing and the describe", () => {
  // The describe calls are held back long enough to delete one pool and one project after the
  // listing saw them: the scan stays complete and reports neither.
  it("is not reported, and the scan stays complete", async () => {
    const small = await startWorld([
      acmeAccount({
        roles: roles(ACME.externalId),
        resources: [
          { type: userPool, region: east, id: "us-east-1_Vanish001", tags: {} },
          { type: userPool, region: east, id: "us-east-1_Stays0001", tags: {} },
          { type: project, region: east, id: "vanish-ci", tags: {} },
          { type: project, region: east, id: "stays-ci", tags: {} },
        ],
      }),
      globexAccount({ roles: roles(GLOBEX.externalId), resources: [] }),
    ]);
    try {
      small.sandbox.setFaults({
        operation_latency_ms: { "cognito-idp:DescribeUserPool": 400, "codebuild:BatchGetProjects": 400 },
      });
      // Without the Tagging API every pool is described, so the describe is where the pool is missed.
      const pending = discover(small, ACME, {
        resourceTypes: [userPool, project],
        regions: [east],
        role: "noTagging",
      });
      const started = () =>
        callsIn(small.sandbox, A, east, "cognito-idp:DescribeUserPool") >= 2 &&
        callsIn(small.sandbox, A, east, "codebuild:BatchGetProjects") >= 1;
      const deadline = Date.now() + 10_000;
      while (!started() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      // Both pools were listed and are being described: only now do they go.
      expect(started()).toBe(true);
      const account = small.sandbox.world.accounts.get(A);
      if (!account) throw new Error("acme's account is not seeded");
      const vanishing = new Set(["us-east-1_Vanish001", "vanish-ci"]);
      account.resources = account.resources.filter((r) => !vanishing.has(r.id));
      account.byRegion.set(
        east,
        (account.byRegion.get(east) ?? []).filter((r) => !vanishing.has(r.id)),
      );
      const result = await pending;
      expect(result.data_quality.status).toBe("complete");
      expect(result.resources.map((r) => r.id).sort()).toEqual(["stays-ci", "us-east-1_Stays0001"]);
    } finally {
      await small.stop();
    }
  });
});
