// The ELBv2 listers against the sandbox: never-tagged balancers and target groups are found with
// the ARNs AWS writes, tagged ones carry their tags, and tags are read only when the walk failed.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  ACME_RESOURCES,
  acmeAccount,
  byArn,
  callsIn,
  discover,
  GLOBEX,
  GLOBEX_RESOURCES,
  globexAccount,
  startWorld,
  type World,
} from "./fixtures";

const LB = "elasticloadbalancing:loadbalancer";
const TG = "elasticloadbalancing:targetgroup";
const east = "us-east-1";
const A = ACME.accountId;
const lbArn = (name: string, kind = "app") =>
  new RegExp(`^arn:aws:elasticloadbalancing:${east}:${A}:loadbalancer/${kind}/${name}/[0-9a-f]{16}$`);

const ownerOf = (i: number): Record<string, string> => (i % 2 ? { Owner: `owner-${i}@acme.io` } : {});
const balancers: ResourceSeedInput[] = Array.from({ length: 25 }, (_, i) => ({
  type: LB,
  region: east,
  id: `acme-lb-${String(i).padStart(2, "0")}`,
  tags: ownerOf(i),
  created_at: "2026-02-01T09:00:00.000Z",
}));

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      resources: [
        ...ACME_RESOURCES,
        ...balancers,
        { type: LB, region: east, id: "acme-nlb", tags: {}, attributes: { Type: "network" } },
        { type: TG, region: east, id: "acme-tg-untagged", tags: {} },
        { type: TG, region: east, id: "acme-tg", tags: { Owner: "a@acme.io" } },
      ],
    }),
    globexAccount({
      resources: [...GLOBEX_RESOURCES, { type: TG, region: east, id: "globex-tg", tags: {} }],
    }),
  ]);
});
afterAll(() => world.stop());

const scan = (tenant: typeof ACME, role?: "noTagging") =>
  discover(world, tenant, { resourceTypes: [LB, TG], regions: [east], ...(role ? { role } : {}) });

describe("ELBv2 listers", () => {
  it("finds never-tagged balancers and target groups, tagged ones with their tags, without DescribeTags", async () => {
    world.sandbox.resetCounters();
    const { resources, data_quality } = await scan(ACME);
    expect(data_quality.status).toBe("complete");
    const lbs = resources.filter((r) => r.type === LB);
    expect(lbs).toHaveLength(26);
    const nlb = lbs.find((r) => r.id === "acme-nlb");
    expect(nlb?.arn).toMatch(lbArn("acme-nlb", "net"));
    expect(nlb).toMatchObject({ tags: {}, state: "active" });
    const tagged = lbs.find((r) => r.id === "acme-lb-01");
    expect(tagged?.arn).toMatch(lbArn("acme-lb-01"));
    expect(tagged?.tags).toEqual({ Owner: "owner-1@acme.io" });
    expect(tagged?.created_at).toBe("2026-02-01T09:00:00.000Z");
    const untaggedTg = resources.find((r) => r.id === "acme-tg-untagged");
    expect(untaggedTg?.arn).toMatch(
      new RegExp(`^arn:aws:elasticloadbalancing:${east}:${A}:targetgroup/acme-tg-untagged/[0-9a-f]{16}$`),
    );
    expect(untaggedTg?.tags).toEqual({});
    expect(resources.find((r) => r.id === "acme-tg")?.tags).toEqual({ Owner: "a@acme.io" });
    expect(callsIn(world.sandbox, A, east, "elasticloadbalancing:DescribeTags")).toBe(0);
  });

  it("reads tags with DescribeTags, 20 ARNs a call, when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const { resources } = await scan(ACME, "noTagging");
    expect(resources.filter((r) => r.type === LB)).toHaveLength(26);
    expect(resources.find((r) => r.id === "acme-lb-03")?.tags).toEqual({ Owner: "owner-3@acme.io" });
    expect(resources.find((r) => r.id === "acme-lb-02")?.tags).toEqual({});
    expect(resources.find((r) => r.id === "acme-tg")?.tags).toEqual({ Owner: "a@acme.io" });
    // 26 balancers: two calls; 2 target groups: one.
    expect(callsIn(world.sandbox, A, east, "elasticloadbalancing:DescribeTags")).toBe(3);
  });

  it("never shows one tenant's balancers or target groups to another", async () => {
    const { resources } = await scan(GLOBEX);
    expect(resources.map((r) => r.id)).toEqual(["globex-tg"]);
    expect(byArn(resources, resources[0]?.arn ?? "")?.account_id).toBe(GLOBEX.accountId);
    expect(JSON.stringify(resources)).not.toContain(A);
  });
});
