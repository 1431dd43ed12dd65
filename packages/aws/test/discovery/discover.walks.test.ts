// A region's Tagging walk is three walks side by side (EC2's filters; the services whose listers
// describe what the walk did not return; the others): together they return what one walk did, and a
// failure of any, on its first page or half-way, is reported as the region's walk failing was
// before, while the listers of its types read their tags themselves.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACME, acmeAccount, callsIn, discover, startWorld, type World } from "./fixtures";

const A = ACME.accountId;
const REGION = "us-east-1";
const VOLUMES = 250;
const STREAMS = 150;
const TABLES = 120;

const many = (type: string, prefix: string, count: number, tagged: boolean): ResourceSeedInput[] =>
  Array.from({ length: count }, (_, i) => ({
    type,
    region: REGION,
    id: `${prefix}-${String(i).padStart(5, "0")}`,
    tags: (tagged ? { Owner: "a@acme.io", Name: `${prefix}-${i}` } : {}) as Record<string, string>,
  }));

let world: World;
let baseline: Awaited<ReturnType<typeof scan>>;
const scan = () =>
  discover(world, ACME, {
    regions: [REGION],
    resourceTypes: ["ec2:volume", "kinesis:stream", "dynamodb:table"],
  });
// What the walks vouch for: every resource and its tags (a lister reading tags itself may also read a
// state or creation time the walk does not carry).
const sorted = (result: Awaited<ReturnType<typeof scan>>) =>
  result.resources.map(({ arn, tags }) => ({ arn, tags })).sort((a, b) => (a.arn < b.arn ? -1 : 1));

beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      resources: [
        ...many("ec2:volume", "vol-tagged", VOLUMES, true),
        ...many("ec2:volume", "vol-bare", 10, false),
        ...many("kinesis:stream", "stream", STREAMS, true),
        ...many("kinesis:stream", "stream-bare", 5, false),
        ...many("dynamodb:table", "table", TABLES, true),
        ...many("dynamodb:table", "table-bare", 2, false),
      ],
    }),
  ]);
  world.sandbox.resetCounters();
  baseline = await scan();
});
afterAll(() => world.stop());
afterEach(() => {
  world.sandbox.setFaults({});
  world.sandbox.resetCounters();
});

const regionFailed = [
  {
    scope: "region",
    region: REGION,
    account_id: A,
    code: "REGION_FAILED",
    message: expect.stringContaining("did not answer in this region"),
  },
];

it("walks EC2, DynamoDB and the other types side by side, each page once, and finds everything", async () => {
  world.sandbox.resetCounters();
  const result = await scan();
  expect(result.data_quality.status).toBe("complete");
  expect(result.resources).toHaveLength(VOLUMES + 10 + STREAMS + 5 + TABLES + 2);
  // 250 volumes, 150 streams, 120 tables at 100 a page: three chains, 3, 2 and 2 pages long.
  const chains = Object.entries(world.sandbox.counters().chains)
    .filter(([chain]) => chain.startsWith(`${A}/${REGION} tag:GetResources `))
    .map(([, pages]) => pages);
  expect(chains.sort()).toEqual([2, 2, 3]);
  expect(callsIn(world.sandbox, A, REGION, "tag:GetResources")).toBe(7);
  // The walks vouched for every tag: no stream's or table's tags were read one by one, and only the
  // tables the walk did not return were described.
  expect(callsIn(world.sandbox, A, REGION, "kinesis:ListTagsForStream")).toBe(0);
  expect(callsIn(world.sandbox, A, REGION, "dynamodb:ListTagsOfResource")).toBe(0);
  expect(callsIn(world.sandbox, A, REGION, "dynamodb:DescribeTable")).toBe(2);
  expect(sorted(result)).toEqual(sorted(baseline));
});

describe.each([
  ["EC2's walk", "ec2:volume"],
  ["the early walk (DynamoDB's)", "dynamodb:table"],
  ["the other walk", "kinesis:stream"],
])("when %s fails", (_label, filter) => {
  it.each([
    ["on its first page", [filter]],
    ["half-way", [filter, "PaginationToken"]],
  ])(
    "%s: the region is reported failed, and every resource is still found with its tags",
    async (_when, parts) => {
      world.sandbox.setFaults({
        failing_requests: [{ operation: "tag:GetResources", input_contains: parts }],
      });
      const result = await scan();
      expect(result.data_quality.status).toBe("partial");
      expect(result.data_quality.issues).toEqual(regionFailed);
      // EC2's listers read tags from their Describe calls; the streams' lister reads them itself only
      // when the walk of its own type failed.
      const perStream = callsIn(world.sandbox, A, REGION, "kinesis:ListTagsForStream");
      expect(perStream).toBe(filter === "kinesis:stream" ? STREAMS + 5 : 0);
      const perTable = callsIn(world.sandbox, A, REGION, "dynamodb:ListTagsOfResource");
      expect(perTable).toBe(filter === "dynamodb:table" ? TABLES + 2 : 0);
      expect(sorted(result)).toEqual(sorted(baseline));
    },
  );
});

it("reports one region issue when every walk fails", async () => {
  world.sandbox.setFaults({ failing_operations: ["tag:GetResources"] });
  const result = await scan();
  expect(result.data_quality.issues).toEqual(regionFailed);
  expect(sorted(result)).toEqual(sorted(baseline));
});
