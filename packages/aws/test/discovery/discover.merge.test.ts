// discoverResources over a hand-written account: the exact merged set of both sources.
import type { Resource } from "@tagc/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ACME,
  CREATED,
  callsIn,
  discover,
  MANY_TAGS,
  SEEDED_TYPES,
  startWorld,
  type World,
} from "./fixtures";

const A = ACME.accountId;
const east = "us-east-1";
const west = "eu-west-1";

const res = (
  arn: string,
  id: string,
  type: string,
  region: string,
  tags: Record<string, string>,
  state: string | null,
  created_at: string | null = CREATED,
): Resource => ({ arn, id, type, region, account_id: A, tags, state, created_at });

/**
 * Everything acme holds of the requested types (no terminated or shutting-down instance, no sqs
 * queue), as the services themselves describe it.
 */
const DESCRIBED: Resource[] = [
  res(
    `arn:aws:dynamodb:${east}:${A}:table/acme-sessions`,
    "acme-sessions",
    "dynamodb:table",
    east,
    {},
    "ACTIVE",
  ),
  res(
    `arn:aws:dynamodb:${west}:${A}:table/acme-orders`,
    "acme-orders",
    "dynamodb:table",
    west,
    MANY_TAGS,
    "ACTIVE",
  ),
  res(
    `arn:aws:ec2:${east}:${A}:elastic-ip/eipalloc-0a0000000000001`,
    "eipalloc-0a0000000000001",
    "ec2:elastic-ip",
    east,
    { Name: "edge" },
    "unassociated",
    null,
  ),
  res(
    `arn:aws:ec2:${east}:${A}:instance/i-0a00000000000001`,
    "i-0a00000000000001",
    "ec2:instance",
    east,
    { Name: "web-1", Owner: "a@acme.io" },
    "running",
  ),
  res(
    `arn:aws:ec2:${east}:${A}:instance/i-0a00000000000002`,
    "i-0a00000000000002",
    "ec2:instance",
    east,
    {},
    "stopped",
  ),
  res(
    `arn:aws:ec2:${east}::snapshot/snap-0a00000000000001`,
    "snap-0a00000000000001",
    "ec2:snapshot",
    east,
    {},
    "completed",
  ),
  // (parent_id is added below: the snapshot's VolumeId, the volume's attached instance.)
  res(
    `arn:aws:ec2:${west}:${A}:natgateway/nat-0a00000000000001`,
    "nat-0a00000000000001",
    "ec2:natgateway",
    west,
    {},
    "available",
  ),
  res(
    `arn:aws:ec2:${west}:${A}:volume/vol-0a00000000000001`,
    "vol-0a00000000000001",
    "ec2:volume",
    west,
    { Owner: "a@acme.io" },
    "in-use",
  ),
  res(
    `arn:aws:ecs:${east}:${A}:cluster/acme-cluster`,
    "acme-cluster",
    "ecs:cluster",
    east,
    { Owner: "a@acme.io" },
    "ACTIVE",
    null,
  ),
  res(
    `arn:aws:ecs:${east}:${A}:service/acme-cluster/acme-api`,
    "acme-api",
    "ecs:service",
    east,
    { Application: "api" },
    "ACTIVE",
  ),
  res(
    `arn:aws:ecs:${east}:${A}:service/acme-cluster/acme-worker`,
    "acme-worker",
    "ecs:service",
    east,
    {},
    "ACTIVE",
  ),
  res(
    `arn:aws:elasticache:${west}:${A}:cluster:acme-cache`,
    "acme-cache",
    "elasticache:cluster",
    west,
    { Owner: "a@acme.io" },
    "available",
  ),
  res(
    `arn:aws:kinesis:${east}:${A}:stream/acme-stream`,
    "acme-stream",
    "kinesis:stream",
    east,
    { Owner: "a@acme.io" },
    "ACTIVE",
  ),
  res(
    `arn:aws:kinesis:${west}:${A}:stream/acme-stream-untagged`,
    "acme-stream-untagged",
    "kinesis:stream",
    west,
    {},
    "ACTIVE",
  ),
  res(
    `arn:aws:lambda:${east}:${A}:function:acme-fn-tagged`,
    "acme-fn-tagged",
    "lambda:function",
    east,
    { Owner: "a@acme.io", Application: "billing" },
    null,
    null,
  ),
  res(
    `arn:aws:lambda:${west}:${A}:function:acme-fn-untagged`,
    "acme-fn-untagged",
    "lambda:function",
    west,
    {},
    null,
    null,
  ),
  res(
    `arn:aws:rds:${east}:${A}:db:acme-db`,
    "acme-db",
    "rds:db",
    east,
    { Environment: "production" },
    "available",
  ),
  res(`arn:aws:rds:${west}:${A}:cluster:acme-aurora`, "acme-aurora", "rds:cluster", west, {}, "available"),
  res("arn:aws:s3:::acme-logs", "acme-logs", "s3:bucket", "global", { Owner: "a@acme.io" }, null),
  res("arn:aws:s3:::acme-untagged", "acme-untagged", "s3:bucket", "global", {}, null),
].sort((a, b) => (a.arn < b.arn ? -1 : 1));

/**
 * What a normal scan returns: the same, except that tagged DynamoDB tables and ECS services come
 * from the Tagging API alone (describing them would cost a call each), without state or creation time.
 */
const UNDESCRIBED_WHEN_TAGGED = new Set(["acme-orders", "acme-api"]);
const PARENTS: Record<string, string> = {
  "snap-0a00000000000001": "vol-0a00000000000001",
  "vol-0a00000000000001": "i-0a00000000000004",
};
for (const [index, r] of DESCRIBED.entries()) {
  const parent = PARENTS[r.id];
  if (parent) DESCRIBED[index] = { ...r, parent_id: parent };
}

const EXPECTED: Resource[] = DESCRIBED.map((r) =>
  UNDESCRIBED_WHEN_TAGGED.has(r.id) ? { ...r, state: null, created_at: null } : r,
);

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.stop());
beforeEach(() => world.sandbox.resetCounters());

describe("discoverResources merges the Tagging API and the listers", () => {
  it("returns exactly the account's resources, complete, with the Tagging-only types named", async () => {
    const result = await discover(world, ACME);
    expect(result.resources).toEqual(EXPECTED);
    expect(result.data_quality).toEqual({
      status: "complete",
      issues: [],
      tagged_only_types: [],
    });
  });

  it("lists buckets once and labels them global; each comes back from its own region's walk", async () => {
    const result = await discover(world, ACME, { resourceTypes: ["s3:bucket"] });
    expect(result.resources).toEqual(DESCRIBED.filter((r) => r.type === "s3:bucket"));
    const counters = world.sandbox.counters();
    expect(counters.by_operation["s3:ListAllMyBuckets"]).toBe(1);
    expect(callsIn(world.sandbox, A, east, "s3:ListAllMyBuckets")).toBe(1);
    // The Tagging API returns a bucket in the region where it lives, so every region is walked.
    expect(callsIn(world.sandbox, A, east, "tag:GetResources")).toBe(1);
    expect(callsIn(world.sandbox, A, west, "tag:GetResources")).toBe(1);
    // Both walks vouch for the buckets' tags: no bucket needs a call of its own.
    expect(counters.by_operation["s3:GetBucketTagging"]).toBeUndefined();
  });

  it("lists global types from the first region when us-east-1 is not scanned", async () => {
    const result = await discover(world, ACME, {
      regions: [west],
      resourceTypes: ["s3:bucket", "ec2:instance"],
    });
    expect(result.resources).toEqual(DESCRIBED.filter((r) => r.type === "s3:bucket"));
    expect(callsIn(world.sandbox, A, west, "s3:ListAllMyBuckets")).toBe(1);
    expect(callsIn(world.sandbox, A, east, "tag:GetResources")).toBe(0);
    // acme-logs lives in us-east-1, which no walk covered: its tags are read there.
    expect(callsIn(world.sandbox, A, east, "s3:GetBucketTagging")).toBe(1);
    expect(callsIn(world.sandbox, A, west, "s3:GetBucketTagging")).toBe(0);
  });

  it("lets a finished Tagging walk vouch for tags, and describes only what it did not return", async () => {
    await discover(world, ACME);
    const counters = world.sandbox.counters();
    expect(counters.by_operation["lambda:ListTags"]).toBeUndefined();
    expect(counters.by_operation["dynamodb:ListTagsOfResource"]).toBeUndefined();
    expect(counters.by_operation["s3:GetBucketTagging"]).toBeUndefined();
    // acme-sessions and acme-worker carry no tag: they are described; acme-orders and acme-api are not.
    expect(counters.by_operation["dynamodb:DescribeTable"]).toBe(1);
    expect(counters.by_operation["ecs:DescribeServices"]).toBe(1);
  });

  it("reads every tag from the services themselves when the Tagging API is denied", async () => {
    // sns:topic has no lister: without the Tagging API nothing can find it.
    const result = await discover(world, ACME, {
      role: "noTagging",
      resourceTypes: [...SEEDED_TYPES, "sns:topic"],
    });
    // Lister types are whole and described, tags included (acme-orders' twelve span two pages).
    expect(result.resources).toEqual(DESCRIBED);
    const counters = world.sandbox.counters();
    expect(counters.by_operation["dynamodb:ListTagsOfResource"]).toBe(3);
    expect(counters.by_operation["lambda:ListTags"]).toBe(2);
    expect(counters.by_operation["s3:GetBucketTagging"]).toBe(2);
    expect(counters.by_operation["elasticache:ListTagsForResource"]).toBe(1);
    expect(counters.by_operation["kinesis:ListTagsForStream"]).toBe(2);
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toEqual([
      expect.objectContaining({
        scope: "resource_type",
        resource_type: "sns:topic",
        code: "ACCESS_DENIED",
        account_id: A,
      }),
    ]);
    // The type fails in every region it was scanned in: one issue, without a region.
    expect(result.data_quality.issues.every((i) => i.region === undefined)).toBe(true);
    expect(result.data_quality.issues[0]?.message).toContain("tag:GetResources");
    expect(result.data_quality.note).toMatch(/not present these numbers as account-wide/);
  });

  it("counts pages and calls in its stats", async () => {
    const result = await discover(world, ACME);
    const counters = world.sandbox.counters();
    const scannerCalls = Object.entries(counters.by_operation)
      .filter(([op]) => !op.startsWith("sts:"))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(result.stats.api_calls).toBe(scannerCalls);
    expect(result.stats.per_region[east]?.pages).toBe(callsIn(world.sandbox, A, east, "tag:GetResources"));
    // Three walks side by side (tagging-types.ts typeWalks), one page each.
    expect(result.stats.per_region[west]?.pages).toBe(3);
    expect(result.stats.pages).toBeGreaterThan(2);
    expect(result.stats.duration_ms).toBeGreaterThanOrEqual(0);
  });
});
