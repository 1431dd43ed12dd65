// The ElastiCache listers against the sandbox: never-tagged clusters and replication groups are
// found with the ARNs AWS writes (cluster:<id>, replicationgroup:<id>), tagged ones carry their
// tags, and ListTagsForResource is called only when the Tagging walk failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  ACME_RESOURCES,
  acmeAccount,
  callsIn,
  discover,
  GLOBEX,
  GLOBEX_RESOURCES,
  globexAccount,
  startWorld,
  type World,
} from "./fixtures";

const CLUSTER = "elasticache:cluster";
const GROUP = "elasticache:replicationgroup";
const east = "us-east-1";
const A = ACME.accountId;

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      resources: [
        ...ACME_RESOURCES,
        { type: CLUSTER, region: east, id: "l1-cache-untagged", tags: {}, state: "available" },
        { type: GROUP, region: east, id: "l1-rg-untagged", tags: {} },
        { type: GROUP, region: east, id: "l1-rg", tags: { Owner: "a@acme.io" } },
      ],
    }),
    globexAccount({
      resources: [...GLOBEX_RESOURCES, { type: GROUP, region: east, id: "globex-rg", tags: {} }],
    }),
  ]);
});
afterAll(() => world.stop());

const scan = (tenant: typeof ACME, role?: "noTagging") =>
  discover(world, tenant, { resourceTypes: [CLUSTER, GROUP], regions: [east], ...(role ? { role } : {}) });

describe("ElastiCache listers", () => {
  it("finds never-tagged clusters and replication groups, tagged ones with their tags", async () => {
    world.sandbox.resetCounters();
    const { resources, data_quality } = await scan(ACME);
    expect(data_quality.status).toBe("complete");
    expect(resources.find((r) => r.id === "l1-cache-untagged")).toMatchObject({
      arn: `arn:aws:elasticache:${east}:${A}:cluster:l1-cache-untagged`,
      type: CLUSTER,
      tags: {},
      state: "available",
    });
    expect(resources.find((r) => r.id === "l1-rg-untagged")).toMatchObject({
      arn: `arn:aws:elasticache:${east}:${A}:replicationgroup:l1-rg-untagged`,
      tags: {},
    });
    expect(resources.find((r) => r.id === "l1-rg")?.tags).toEqual({ Owner: "a@acme.io" });
    expect(callsIn(world.sandbox, A, east, "elasticache:ListTagsForResource")).toBe(0);
  });

  it("reads tags with ListTagsForResource when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const { resources } = await scan(ACME, "noTagging");
    expect(resources.find((r) => r.id === "l1-rg")?.tags).toEqual({ Owner: "a@acme.io" });
    expect(resources.find((r) => r.id === "l1-cache-untagged")?.tags).toEqual({});
    expect(callsIn(world.sandbox, A, east, "elasticache:ListTagsForResource")).toBe(3);
  });

  it("never shows one tenant's clusters or groups to another", async () => {
    const { resources } = await scan(GLOBEX);
    expect(resources.map((r) => r.id)).toEqual(["globex-rg"]);
    expect(JSON.stringify(resources)).not.toContain(A);
  });
});
