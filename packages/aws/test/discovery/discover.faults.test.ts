// Throttling, a failing region and a narrowed role: retried when it can be, otherwise partial and
// naming exactly what is missing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { roleArn, targetFor } from "../fixtures";
import { ACME, arnsOf, callsIn, discover, startWorld, type World } from "./fixtures";

const A = ACME.accountId;

let world: World;
let baseline: string[];
beforeAll(async () => {
  world = await startWorld();
  baseline = arnsOf((await discover(world, ACME)).resources);
});
afterAll(() => world.stop());
afterEach(() => {
  world.sandbox.setFaults({});
  world.sandbox.resetCounters();
});

describe("throttling", () => {
  it("retries throttled calls and completes", async () => {
    world.sandbox.resetCounters();
    world.sandbox.setFaults({ throttle: { next: 3 } });
    const result = await discover(world, ACME);
    const throttled = Object.values(world.sandbox.counters().throttled).reduce((a, b) => a + b, 0);
    expect(throttled).toBe(3);
    expect(result.data_quality.status).toBe("complete");
    expect(arnsOf(result.resources)).toEqual(baseline);
  });

  it("retries past the SDK's own attempts when one walk is throttled repeatedly", async () => {
    world.sandbox.setFaults({ throttle: { next: 3, operations: ["tag:GetResources"] } });
    // The test config allows the SDK 2 attempts; our own retry covers the third throttle.
    const result = await discover(world, ACME, { regions: ["us-east-1"], resourceTypes: ["kinesis:stream"] });
    expect(world.sandbox.counters().throttled["tag:GetResources"]).toBe(3);
    expect(result.data_quality.status).toBe("complete");
    expect(result.resources.map((r) => r.id)).toEqual(["acme-stream"]);
  });

  it("reports THROTTLED when throttling never stops", async () => {
    world.sandbox.setFaults({ throttle: { rate: 1, operations: ["ec2:DescribeVolumes"] } });
    const result = await discover(world, ACME, { resourceTypes: ["ec2:volume"], regions: ["eu-west-1"] });
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toEqual([
      expect.objectContaining({ scope: "resource_type", resource_type: "ec2:volume", code: "THROTTLED" }),
    ]);
    // The tagged volume still comes from the Tagging API.
    expect(result.resources.map((r) => r.id)).toEqual(["vol-0a00000000000001"]);
  });
});

describe("a failing region", () => {
  it("is partial naming the region, while the other region completes", async () => {
    world.sandbox.setFaults({ failing_regions: ["eu-west-1"] });
    const result = await discover(world, ACME);
    expect(result.data_quality.status).toBe("partial");
    const regionIssues = result.data_quality.issues.filter((i) => i.scope === "region");
    expect(regionIssues).toEqual([
      {
        scope: "region",
        region: "eu-west-1",
        account_id: A,
        code: "REGION_FAILED",
        message: expect.stringContaining("did not answer in this region"),
      },
    ]);
    expect(result.data_quality.issues.some((i) => i.region === "us-east-1")).toBe(false);
    // Every us-east-1 resource is there, and so is the bucket that lives in us-east-1.
    const eastOnly = baseline.filter(
      (arn) => arn.includes(":us-east-1:") || arn === "arn:aws:s3:::acme-logs",
    );
    expect(arnsOf(result.resources)).toEqual(eastOnly);
    // The bucket in eu-west-1 could not have its tags read there: S3 is named, not silently zero.
    expect(result.data_quality.issues).toContainEqual(
      expect.objectContaining({ scope: "resource_type", resource_type: "s3:bucket", region: "global" }),
    );
    // No message is AWS's own text.
    expect(JSON.stringify(result.data_quality)).not.toMatch(/Service unavailable|Please try again/);
  });
});

describe("a role without Lambda permissions", () => {
  it("is partial naming lambda:function with ACCESS_DENIED, and lists no function", async () => {
    const result = await discover(world, ACME, { role: "noLambda" });
    expect(result.data_quality.status).toBe("partial");
    expect(result.data_quality.issues).toEqual([
      {
        scope: "resource_type",
        resource_type: "lambda:function",
        account_id: A,
        code: "ACCESS_DENIED",
        message: expect.stringContaining("lambda:ListFunctions"),
      },
    ]);
    expect(result.data_quality.note).toMatch(/not present these numbers as account-wide/);
    // The Tagging API still returns the tagged function; alone it would be a flattering subset.
    // (Three walks side by side, one page each: EC2's, the services whose listers describe what the
    // walk did not return, and the others.)
    expect(callsIn(world.sandbox, A, "us-east-1", "tag:GetResources")).toBe(3);
    expect(result.resources.filter((r) => r.type === "lambda:function")).toEqual([]);
    expect(arnsOf(result.resources.filter((r) => r.type !== "lambda:function"))).toEqual(
      baseline.filter((arn) => !arn.includes(":lambda:")),
    );
    expect(callsIn(world.sandbox, A, "us-east-1", "lambda:ListTags")).toBe(0);
  });
});

describe("a role that cannot be assumed", () => {
  it("is one account-scope ACCESS_DENIED issue, and nothing else is reported", async () => {
    const credentials = world.broker.providerFor(
      targetFor(ACME, { clientId: "cli_gone", roleArn: roleArn(ACME.accountId, "NoSuchRole") }),
    );
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { credentials });
    expect(result.resources).toEqual([]);
    // Concurrent first calls share one AssumeRole; after its refusal the scan stops asking.
    expect(world.sandbox.counters().by_operation["sts:AssumeRole"]).toBe(1);
    expect(result.data_quality).toMatchObject({
      status: "partial",
      issues: [{ scope: "account", account_id: A, code: "ACCESS_DENIED" }],
    });
    expect(result.data_quality.issues[0]?.message).toMatch(/could not be assumed/);
  });
});
