// The batch-L5 listers against the sandbox: Glue jobs and crawlers, OpenSearch domains and Step
// Functions state machines. Each finds a never-tagged resource with the ARN AWS writes, brings a
// tagged one with its tags whether or not the Tagging walk ran (reading tags per resource only when
// it failed), follows more than one page, leaves out what AWS is deleting, and never shows one
// tenant's resources to the other.
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

const L5_READ = [
  ...FULL_READ,
  "glue:ListJobs",
  "glue:ListCrawlers",
  "glue:GetTags",
  "es:ListDomainNames",
  "es:DescribeDomains",
  "es:ListTags",
  "states:ListStateMachines",
  "states:ListTagsForResource",
];
const roles = batchRoles(L5_READ);

const job = "glue:job";
const crawler = "glue:crawler";
const domain = "opensearch:domain";
const machine = "stepfunctions:statemachine";
const bulk = (type: string, prefix: string, count: number, region: string): ResourceSeedInput[] =>
  Array.from({ length: count }, (_, i) => ({
    type,
    region,
    id: `${prefix}-${String(i).padStart(4, "0")}`,
    tags: {},
  }));

const ACME_L5: ResourceSeedInput[] = [
  { type: job, region: east, id: "acme-etl", tags: {} },
  { type: job, region: east, id: "acme-nightly", tags: { Owner: "a@acme.io" } },
  // 1001 in eu-west-1: two ListJobs pages of 1000.
  ...bulk(job, "acme-batch", 1001, west),
  { type: crawler, region: east, id: "acme-raw", tags: {} },
  { type: crawler, region: west, id: "acme-lake", tags: { Owner: "a@acme.io" } },
  { type: domain, region: east, id: "acme-search", tags: {} },
  { type: domain, region: east, id: "acme-logs", tags: { Owner: "a@acme.io" } },
  // Being deleted: the Tagging walk still returns it, DescribeDomains says Deleted.
  { type: domain, region: east, id: "acme-old", tags: { Owner: "gone@acme.io" }, state: "deleted" },
  // Six in eu-west-1: two DescribeDomains calls of at most five names.
  ...bulk(domain, "acme-w", 6, west),
  { type: machine, region: east, id: "acme-orders", tags: {}, created_at: CREATED },
  { type: machine, region: east, id: "acme-billing", tags: { Owner: "a@acme.io" }, created_at: CREATED },
  { type: machine, region: east, id: "acme-retired", tags: {}, state: "DELETING" },
  // 1001 in eu-west-1: two ListStateMachines pages of 1000.
  ...bulk(machine, "acme-flow", 1001, west),
];
const GLOBEX_L5: ResourceSeedInput[] = [
  { type: job, region: east, id: "globex-etl", tags: {} },
  { type: crawler, region: east, id: "globex-raw", tags: {} },
  { type: domain, region: east, id: "globex-search", tags: {} },
  { type: machine, region: east, id: "globex-flow", tags: {} },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({ roles: roles(ACME.externalId), resources: ACME_L5 }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_L5 }),
  ]);
});
afterAll(() => world.stop());

const only = (resources: readonly Resource[], arn: string) => resources.filter((r) => r.arn === arn);
const glueArn = (account: string, region: string, kind: string, name: string) =>
  `arn:aws:glue:${region}:${account}:${kind}/${name}`;

describe("glue:job", () => {
  it("finds a never-tagged job with AWS's ARN over two pages, no GetTags when the walk ran", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [job] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, glueArn(A, east, "job", "acme-etl"))).toEqual([
      {
        arn: glueArn(A, east, "job", "acme-etl"),
        id: "acme-etl",
        type: job,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: null,
      },
    ]);
    expect(only(result.resources, glueArn(A, east, "job", "acme-nightly"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(1003);
    expect(callsIn(world.sandbox, A, west, "glue:ListJobs")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "glue:GetTags")).toBe(0);
    expect(callsIn(world.sandbox, A, west, "glue:GetTags")).toBe(0);
  });

  it("reads every job's tags with GetTags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [job], role: "noTagging", regions: [east] });
    expect(result.resources.map((r) => [r.id, r.tags])).toEqual([
      ["acme-etl", {}],
      ["acme-nightly", { Owner: "a@acme.io" }],
    ]);
    expect(callsIn(world.sandbox, A, east, "glue:GetTags")).toBe(2);
  });

  it("shows each tenant only its own jobs", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [job] });
    expect(globex.resources.map((r) => r.arn)).toEqual([glueArn(G, east, "job", "globex-etl")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("glue:crawler", () => {
  it("finds a never-tagged crawler with AWS's ARN, a tagged one with its tags", async () => {
    const result = await discover(world, ACME, { resourceTypes: [crawler] });
    expect(result.data_quality.status).toBe("complete");
    expect(result.resources.map((r) => [r.arn, r.tags]).sort()).toEqual([
      [glueArn(A, west, "crawler", "acme-lake"), { Owner: "a@acme.io" }],
      [glueArn(A, east, "crawler", "acme-raw"), {}],
    ]);
  });

  it("reads tags with GetTags when the Tagging API is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [crawler], role: "noTagging" });
    expect(only(result.resources, glueArn(A, west, "crawler", "acme-lake"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, glueArn(A, east, "crawler", "acme-raw"))).toEqual([
      expect.objectContaining({ tags: {} }),
    ]);
  });

  it("shows each tenant only its own crawlers", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [crawler] });
    expect(globex.resources.map((r) => r.arn)).toEqual([glueArn(G, east, "crawler", "globex-raw")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("opensearch:domain", () => {
  const arn = (account: string, region: string, name: string) =>
    `arn:aws:es:${region}:${account}:domain/${name}`;

  it("finds a never-tagged domain with the es ARN, excludes one being deleted, describes five a call", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [domain] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-search"))).toEqual([
      {
        arn: arn(A, east, "acme-search"),
        id: "acme-search",
        type: domain,
        region: east,
        account_id: A,
        tags: {},
        state: "Active",
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-logs"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources.map((r) => r.id)).not.toContain("acme-old");
    expect(result.resources).toHaveLength(8);
    expect(callsIn(world.sandbox, A, west, "es:DescribeDomains")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "es:ListTags")).toBe(0);
  });

  it("reads tags with ListTags when the Tagging API is denied, the deleting domain still excluded", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, {
      resourceTypes: [domain],
      role: "noTagging",
      regions: [east],
    });
    expect(result.resources.map((r) => [r.id, r.tags])).toEqual([
      ["acme-logs", { Owner: "a@acme.io" }],
      ["acme-search", {}],
    ]);
    expect(callsIn(world.sandbox, A, east, "es:ListTags")).toBe(2);
  });

  it("shows each tenant only its own domains", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [domain] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-search")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("stepfunctions:statemachine", () => {
  const arn = (account: string, region: string, name: string) =>
    `arn:aws:states:${region}:${account}:stateMachine:${name}`;

  it("finds a never-tagged state machine with AWS's ARN over two pages, no tag call when the walk ran", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [machine] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-orders"))).toEqual([
      {
        arn: arn(A, east, "acme-orders"),
        id: "acme-orders",
        type: machine,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-billing"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, created_at: CREATED }),
    ]);
    expect(result.resources.map((r) => r.id)).not.toContain("acme-retired");
    expect(result.resources).toHaveLength(1003);
    expect(callsIn(world.sandbox, A, west, "states:ListStateMachines")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "states:ListTagsForResource")).toBe(0);
  });

  it("reads tags with ListTagsForResource when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, {
      resourceTypes: [machine],
      role: "noTagging",
      regions: [east],
    });
    expect(result.resources.map((r) => [r.id, r.tags])).toEqual([
      ["acme-billing", { Owner: "a@acme.io" }],
      ["acme-orders", {}],
    ]);
    expect(callsIn(world.sandbox, A, east, "states:ListTagsForResource")).toBe(2);
  });

  it("shows each tenant only its own state machines", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [machine] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-flow")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});
