import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  assume,
  type Creds,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  startTestSandbox,
} from "./fixtures";

let sandbox: Sandbox;
let creds: Creds;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  creds = await assume(sandbox);
});
afterAll(() => sandbox.stop());
afterEach(() => {
  sandbox.setFaults({});
  sandbox.resetCounters();
});

const tagging = (region = "us-east-1", maxAttempts = 3) =>
  new ResourceGroupsTaggingAPIClient({ ...clientConfig(sandbox, creds, region), maxAttempts });

describe("throttling", () => {
  it.each([
    ["Tagging", () => tagging().send(new GetResourcesCommand({})), "tag:GetResources"],
    [
      "EC2",
      () => new EC2Client(clientConfig(sandbox, creds)).send(new DescribeInstancesCommand({})),
      "ec2:DescribeInstances",
    ],
    [
      "S3",
      () => new S3Client(clientConfig(sandbox, creds)).send(new ListBucketsCommand({})),
      "s3:ListAllMyBuckets",
    ],
  ] as const)("is retried by the %s client and then succeeds", async (_label, call, operation) => {
    sandbox.setFaults({ throttle: { next: 2 } });
    await expect(call()).resolves.toBeDefined();
    const counters = sandbox.counters();
    expect(counters.throttled[operation]).toBe(2);
    expect(counters.by_operation[operation]).toBe(3);
  });

  it("surfaces the service's throttling error when retries run out", async () => {
    sandbox.setFaults({ throttle: { next: 5 } });
    await expect(tagging("us-east-1", 1).send(new GetResourcesCommand({}))).rejects.toMatchObject({
      name: "ThrottlingException",
    });
    sandbox.setFaults({ throttle: { next: 5 } });
    await expect(
      new EC2Client({ ...clientConfig(sandbox, creds), maxAttempts: 1 }).send(
        new DescribeInstancesCommand({}),
      ),
    ).rejects.toMatchObject({
      name: "RequestLimitExceeded",
    });
  });

  it("throttles only the listed operations", async () => {
    sandbox.setFaults({ throttle: { rate: 1, operations: ["ec2:DescribeInstances"] } });
    await expect(tagging().send(new GetResourcesCommand({}))).resolves.toBeDefined();
  });
});

describe("failures and latency", () => {
  it("fails a whole region with 503 and an operation with 500", async () => {
    sandbox.setFaults({ failing_regions: ["eu-west-1"] });
    await expect(tagging("eu-west-1", 1).send(new GetResourcesCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 503 },
    });
    await expect(tagging("us-east-1", 1).send(new GetResourcesCommand({}))).resolves.toBeDefined();
    sandbox.setFaults({ failing_operations: ["tag:GetResources"] });
    await expect(tagging("us-east-1", 1).send(new GetResourcesCommand({}))).rejects.toMatchObject({
      name: "InternalServiceException",
      $metadata: { httpStatusCode: 500 },
    });
  });

  it("fails only the requests whose input contains every given part", async () => {
    sandbox.setFaults({
      failing_requests: [
        { operation: "tag:GetResources", input_contains: ["ec2:volume", "PaginationToken"] },
      ],
    });
    const filters = { ResourceTypeFilters: ["ec2:instance", "ec2:volume"], ResourcesPerPage: 1 };
    const first = await tagging("us-east-1", 1).send(new GetResourcesCommand(filters));
    expect(first.PaginationToken).toBeTruthy();
    await expect(
      tagging("us-east-1", 1).send(
        new GetResourcesCommand({ ...filters, PaginationToken: first.PaginationToken }),
      ),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    // Another query's second page is served.
    const other = await tagging("us-east-1", 1).send(new GetResourcesCommand({ ResourcesPerPage: 1 }));
    await expect(
      tagging("us-east-1", 1).send(
        new GetResourcesCommand({ ResourcesPerPage: 1, PaginationToken: other.PaginationToken }),
      ),
    ).resolves.toBeDefined();
  });

  it("adds the configured latency per operation", async () => {
    sandbox.setFaults({ operation_latency_ms: { "tag:GetResources": 120 } });
    const started = performance.now();
    await tagging().send(new GetResourcesCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it("can be driven over the admin API", async () => {
    const put = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: "PUT",
      body: JSON.stringify({ throttle: { next: 1 } }),
    });
    expect(((await put.json()) as { throttle: { next: number } }).throttle.next).toBe(1);
    await tagging().send(new GetResourcesCommand({}));
    const counters = (await (await fetch(`${sandbox.url}/_sandbox/counters`)).json()) as {
      throttled: Record<string, number>;
    };
    expect(counters.throttled["tag:GetResources"]).toBe(1);
  });
});

describe("counters", () => {
  it("count exactly per operation, per caller and per account/region", async () => {
    const globexCreds = await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID);
    const globex = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, globexCreds));
    for (let i = 0; i < 3; i++) await tagging().send(new GetResourcesCommand({}));
    await tagging("eu-west-1").send(new GetResourcesCommand({}));
    await globex.send(new GetResourcesCommand({}));
    const c = sandbox.counters();
    expect(c.by_operation).toEqual({ "sts:AssumeRole": 1, "tag:GetResources": 5 });
    expect(c.by_caller["arn:aws:iam::111111111111:role/tagc-scanner-prod"]).toEqual({ "sts:AssumeRole": 1 });
    expect(c.by_caller[`arn:aws:iam::${ACME}:role/TagComplianceReadOnly`]).toEqual({ "tag:GetResources": 4 });
    expect(c.by_account_region[`${ACME}/us-east-1`]).toEqual({ "tag:GetResources": 3 });
    expect(c.by_account_region[`${ACME}/eu-west-1`]).toEqual({ "tag:GetResources": 1 });
    expect(c.by_account_region[`${GLOBEX}/us-east-1`]).toEqual({ "tag:GetResources": 1 });
    expect(c.total).toBe(6);
  });

  it("count each query's longest pagination chain: its pages one after another", async () => {
    const walk = async (input: { ResourcesPerPage: number; ResourceTypeFilters?: string[] }) => {
      let token: string | undefined;
      do {
        const out = await tagging().send(new GetResourcesCommand({ ...input, PaginationToken: token }));
        token = out.PaginationToken || undefined;
      } while (token);
    };
    // ACME's three tagged resources in us-east-1, one a page; the same walk again is a new chain.
    await walk({ ResourcesPerPage: 1 });
    await walk({ ResourcesPerPage: 1 });
    await walk({ ResourcesPerPage: 1, ResourceTypeFilters: ["s3"] });
    const chains = Object.entries(sandbox.counters().chains);
    expect(chains.every(([chain]) => chain.startsWith(`${ACME}/us-east-1 tag:GetResources `))).toBe(true);
    expect(chains.map(([, pages]) => pages).sort()).toEqual([1, 3]);
    sandbox.resetCounters();
    expect(sandbox.counters().chains).toEqual({});
  });
});
