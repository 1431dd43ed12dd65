// Pagination to the end: 1,050 tagged resources in one region take eleven GetResources pages, in
// order, and every one of them is returned.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ACME, acmeAccount, callsIn, discover, startWorld, type World } from "./fixtures";

const VOLUMES = 600;
const STREAMS = 450;
const UNTAGGED_VOLUMES = 30;

const many = (
  type: string,
  prefix: string,
  count: number,
  tags: Record<string, string>,
): ResourceSeedInput[] =>
  Array.from({ length: count }, (_, i) => ({
    type,
    region: "us-east-1",
    id: `${prefix}-${String(i).padStart(5, "0")}`,
    tags: tags.Owner ? { ...tags, Name: `${prefix}-${i}` } : tags,
  }));

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      resources: [
        ...many("ec2:volume", "vol-tagged", VOLUMES, { Owner: "a@acme.io" }),
        ...many("ec2:volume", "vol-bare", UNTAGGED_VOLUMES, {}),
        ...many("kinesis:stream", "stream", STREAMS, { Owner: "a@acme.io" }),
      ],
    }),
  ]);
});
afterAll(() => world.stop());

it("follows every page of the Tagging API and of the listers", async () => {
  world.sandbox.resetCounters();
  const result = await discover(world, ACME, {
    regions: ["us-east-1"],
    resourceTypes: ["ec2:volume", "kinesis:stream"],
  });
  expect(result.data_quality.status).toBe("complete");
  const tagged = VOLUMES + STREAMS;
  expect(result.resources).toHaveLength(tagged + UNTAGGED_VOLUMES);
  expect(new Set(result.resources.map((r) => r.arn)).size).toBe(tagged + UNTAGGED_VOLUMES);
  expect(result.resources.filter((r) => r.type === "kinesis:stream")).toHaveLength(STREAMS);
  // A stream on the last page carries its own tags.
  expect(result.resources.find((r) => r.id === "stream-00449")?.tags).toEqual({
    Owner: "a@acme.io",
    Name: "stream-449",
  });

  // 1,050 tagged resources at 100 a page: 11 pages, each a request of its own.
  const pages = Math.ceil(tagged / 100);
  expect(callsIn(world.sandbox, ACME.accountId, "us-east-1", "tag:GetResources")).toBe(pages);
  expect(result.stats.per_region["us-east-1"]?.pages).toBe(pages);
  // 630 volumes at 500 a page (DescribeVolumes' maximum).
  expect(world.sandbox.counters().by_operation["ec2:DescribeVolumes"]).toBe(2);
  // 450 streams at 100 a ListStreams page.
  expect(world.sandbox.counters().by_operation["kinesis:ListStreams"]).toBe(5);
  expect(result.stats.pages).toBe(pages + 2 + 5);
});
