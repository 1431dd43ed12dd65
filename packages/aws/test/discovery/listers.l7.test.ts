// The batch-L7 listers against the sandbox: CloudFront distributions and Route 53 hosted zones
// (global: read once, region "global", the us-east-1 Tagging walk vouching for their tags) and
// CodePipeline pipelines (an ARN with no resource-type segment). Each finds a never-tagged resource
// with the ARN AWS writes, brings a tagged one with its tags whether or not the Tagging walk ran,
// follows more than one page, and never shows one tenant's resources to the other.
import {
  ListHostedZonesCommand,
  ListTagsForResourcesCommand,
  type ListTagsForResourcesCommandInput,
} from "@aws-sdk/client-route-53";
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import type { Resource } from "@tagc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { route53HostedZones } from "../../src/discovery/listers/route53-hosted-zones";
import type { ListedResource, ListerContext } from "../../src/discovery/listers/types";
import {
  ACME,
  acmeAccount,
  batchRoles,
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

const L7_READ = [
  ...FULL_READ,
  "cloudfront:ListDistributions",
  "cloudfront:ListTagsForResource",
  "route53:ListHostedZones",
  "route53:ListTagsForResources",
  "codepipeline:ListPipelines",
  "codepipeline:ListTagsForResource",
];
// The shared fixtures name roles by key; here "noLambda" is the role without this batch's list calls.
const roles = batchRoles(L7_READ, (read) =>
  read.filter((a) => !a.endsWith(":ListDistributions") && !a.endsWith(":ListPipelines")),
);

const dist = "cloudfront:distribution";
const zone = "route53:hostedzone";
const pipe = "codepipeline:pipeline";
const ACME_L7: ResourceSeedInput[] = [
  { type: dist, region: east, id: "E1ACMEBARE", tags: {} },
  { type: dist, region: east, id: "E1ACMEPROD", tags: { Owner: "a@acme.io" }, state: "InProgress" },
  // 103 more: two ListDistributions pages.
  ...Array.from({ length: 103 }, (_, i) => ({
    type: dist,
    region: east,
    id: `E2ACME${String(i).padStart(4, "0")}`,
    tags: {},
  })),
  { type: zone, region: east, id: "Z1ACMEBARE", tags: {} },
  { type: zone, region: east, id: "Z1ACMEPROD", tags: { Owner: "a@acme.io" } },
  // 103 more: two ListHostedZones pages, eleven ListTagsForResources batches without the walk.
  ...Array.from({ length: 103 }, (_, i) => ({
    type: zone,
    region: east,
    id: `Z2ACME${String(i).padStart(4, "0")}`,
    tags: i % 2 ? { Owner: `z${i}@acme.io` } : {},
  })),
  {
    type: pipe,
    region: east,
    id: "acme-release",
    tags: { Owner: "a@acme.io" },
    created_at: "2026-01-05T10:00:00Z",
  },
  { type: pipe, region: east, id: "acme-scratch", tags: {}, created_at: "2026-01-05T10:00:00Z" },
  // 1001 in eu-west-1: two ListPipelines pages of up to 1000.
  ...Array.from({ length: 1001 }, (_, i) => ({
    type: pipe,
    region: west,
    id: `acme-deploy-${String(i).padStart(4, "0")}`,
    tags: {},
  })),
];
const GLOBEX_L7: ResourceSeedInput[] = [
  { type: dist, region: east, id: "E9GLOBEX", tags: {} },
  { type: zone, region: east, id: "Z9GLOBEX", tags: {} },
  { type: pipe, region: east, id: "globex-ci", tags: {} },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({ roles: roles(ACME.externalId), resources: ACME_L7 }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_L7 }),
  ]);
});
afterAll(() => world.stop());

const only = (resources: readonly Resource[], arn: string) => resources.filter((r) => r.arn === arn);

describe("cloudfront:distribution", () => {
  const arn = (account: string, id: string) => `arn:aws:cloudfront::${account}:distribution/${id}`;

  it("finds a never-tagged distribution once, region global, with AWS's ARN; the walk vouches for tags", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [dist] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, "E1ACMEBARE"))).toEqual([
      {
        arn: arn(A, "E1ACMEBARE"),
        id: "E1ACMEBARE",
        type: dist,
        region: "global",
        account_id: A,
        tags: {},
        state: "Deployed",
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn(A, "E1ACMEPROD"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, state: "InProgress", region: "global" }),
    ]);
    expect(result.resources).toHaveLength(105);
    // Read once, from the global region, in two pages; no tag read: the us-east-1 walk vouched.
    expect(callsIn(world.sandbox, A, east, "cloudfront:ListDistributions")).toBe(2);
    expect(callsIn(world.sandbox, A, west, "cloudfront:ListDistributions")).toBe(0);
    expect(callsIn(world.sandbox, A, east, "cloudfront:ListTagsForResource")).toBe(0);
  });

  it("reads each distribution's tags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [dist], role: "noTagging" });
    expect(only(result.resources, arn(A, "E1ACMEPROD"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, arn(A, "E1ACMEBARE"))).toEqual([expect.objectContaining({ tags: {} })]);
    expect(callsIn(world.sandbox, A, east, "cloudfront:ListTagsForResource")).toBe(105);
  });

  it("reads tags itself when us-east-1 is not scanned: no other region's walk returns distributions", async () => {
    const result = await discover(world, ACME, { resourceTypes: [dist], regions: [west] });
    expect(only(result.resources, arn(A, "E1ACMEPROD"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, region: "global" }),
    ]);
    expect(result.resources).toHaveLength(105);
  });

  it("names the type as not fully read when ListDistributions is denied", async () => {
    const result = await discover(world, ACME, { resourceTypes: [dist], role: "noLambda" });
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toContainEqual(
      expect.objectContaining({ resource_type: dist, code: "ACCESS_DENIED" }),
    );
    // Neither the untagged one (invisible to the Tagging API) nor the tagged one: the type is withheld.
    expect(only(result.resources, arn(A, "E1ACMEBARE"))).toEqual([]);
    expect(only(result.resources, arn(A, "E1ACMEPROD"))).toEqual([]);
  });

  it("shows each tenant only its own distributions", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [dist] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, "E9GLOBEX")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("route53:hostedzone", () => {
  // No region and no account in a hosted zone's ARN.
  const arn = (id: string) => `arn:aws:route53:::hostedzone/${id}`;

  it("finds a never-tagged zone once, region global, attributed to the scanned account", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [zone] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn("Z1ACMEBARE"))).toEqual([
      {
        arn: arn("Z1ACMEBARE"),
        id: "Z1ACMEBARE",
        type: zone,
        region: "global",
        account_id: A,
        tags: {},
        state: null,
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn("Z1ACMEPROD"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, account_id: A }),
    ]);
    expect(result.resources).toHaveLength(105);
    expect(callsIn(world.sandbox, A, east, "route53:ListHostedZones")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "route53:ListTagsForResources")).toBe(0);
  });

  it("reads tags ten zones a call when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [zone], role: "noTagging" });
    expect(only(result.resources, arn("Z1ACMEPROD"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(only(result.resources, arn("Z2ACME0001"))).toEqual([
      expect.objectContaining({ tags: { Owner: "z1@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(105);
    expect(callsIn(world.sandbox, A, east, "route53:ListTagsForResources")).toBe(11);
  });

  it("shows each tenant only its own zones, though their ARNs name no account", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [zone] });
    expect(globex.resources).toEqual([expect.objectContaining({ arn: arn("Z9GLOBEX"), account_id: G })]);
    expect(JSON.stringify(globex)).not.toContain("ACME");
    const acme = await discover(world, ACME, { resourceTypes: [zone] });
    expect(only(acme.resources, arn("Z9GLOBEX"))).toEqual([]);
  });
});

describe("codepipeline:pipeline", () => {
  // The name follows the account: no resource-type segment.
  const arn = (account: string, region: string, name: string) =>
    `arn:aws:codepipeline:${region}:${account}:${name}`;

  it("finds a never-tagged pipeline with AWS's ARN, more than one page, tags vouched for by the walk", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [pipe] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "acme-scratch"))).toEqual([
      {
        arn: arn(A, east, "acme-scratch"),
        id: "acme-scratch",
        type: pipe,
        region: east,
        account_id: A,
        tags: {},
        state: null,
        created_at: "2026-01-05T10:00:00.000Z",
      },
    ]);
    expect(only(result.resources, arn(A, east, "acme-release"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" } }),
    ]);
    expect(result.resources).toHaveLength(1003);
    expect(callsIn(world.sandbox, A, west, "codepipeline:ListPipelines")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "codepipeline:ListTagsForResource")).toBe(0);
  });

  it("reads each pipeline's tags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [pipe], role: "noTagging", regions: [east] });
    expect(only(result.resources, arn(A, east, "acme-release"))).toEqual([
      expect.objectContaining({ tags: { Owner: "a@acme.io" }, created_at: "2026-01-05T10:00:00.000Z" }),
    ]);
    expect(only(result.resources, arn(A, east, "acme-scratch"))).toEqual([
      expect.objectContaining({ tags: {} }),
    ]);
    expect(callsIn(world.sandbox, A, east, "codepipeline:ListTagsForResource")).toBe(2);
  });

  it("shows each tenant only its own pipelines", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [pipe] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-ci")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("route53:hostedzone, a zone deleted between the list and the tag read", () => {
  // Without the walk: one deleted zone fails its whole batch of ten, which is then read one zone at
  // a time; the deleted zone is left out and every other zone keeps its tags.
  it("reads the failed batch again zone by zone and drops the deleted zone", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `Z${String(i).padStart(2, "0")}`);
    const batches: string[][] = [];
    const client = {
      send: async (command: unknown) => {
        if (command instanceof ListHostedZonesCommand)
          return { HostedZones: ids.map((id) => ({ Id: `/hostedzone/${id}` })), IsTruncated: false };
        if (command instanceof ListTagsForResourcesCommand) {
          const asked = (command.input as ListTagsForResourcesCommandInput).ResourceIds ?? [];
          batches.push(asked);
          if (asked.includes("Z03")) throw Object.assign(new Error("gone"), { name: "NoSuchHostedZone" });
          return {
            ResourceTagSets: asked.map((id) => ({ ResourceId: id, Tags: [{ Key: "Owner", Value: id }] })),
          };
        }
        throw new Error("unexpected command");
      },
    };
    const emitted: ListedResource[] = [];
    const ctx = {
      scan: {
        clients: { get: () => client },
        call: (_region: string, _lane: string, send: (signal: AbortSignal) => Promise<unknown>) =>
          send(new AbortController().signal),
        page: () => {},
      },
      region: east,
      accountId: A,
      taggedLookup: async () => undefined,
      shared: () => Promise.reject(new Error("unused")),
      emit: (resource: ListedResource) => void emitted.push(resource),
      exclude: () => {},
    } as unknown as ListerContext;
    await route53HostedZones.list(ctx);
    expect(emitted.map((r) => r.id)).toEqual(ids.filter((id) => id !== "Z03"));
    expect(emitted.find((r) => r.id === "Z11")?.tags).toEqual({ Owner: "Z11" });
    // Two batches (10 + 2), the failed one again as ten single reads.
    expect(batches.filter((b) => b.length > 1).map((b) => b.length)).toEqual([10, 2]);
    expect(batches.filter((b) => b.length === 1)).toHaveLength(10);
  });
});
