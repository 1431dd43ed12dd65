import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeNatGateways,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from "@aws-sdk/client-ec2";
import {
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceSeed, Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  startTestSandbox,
} from "./fixtures";

const bulk = (
  type: string,
  prefix: string,
  count: number,
  extra: Partial<ResourceSeed> = {},
): ResourceSeed[] =>
  Array.from({ length: count }, (_, i) => ({
    type,
    region: "eu-west-1",
    id: `${prefix}-${String(i).padStart(17, "0")}`,
    tags: i % 3 ? { Owner: "x@acme.io" } : {},
    attributes: {},
    ...extra,
  }));

let sandbox: Sandbox;
let ec2: EC2Client;
let s3: S3Client;

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    {
      ...base,
      resources: [
        ...(base.resources ?? []),
        ...bulk("ec2:instance", "i", 1100, { state: "running" }),
        ...bulk("ec2:volume", "vol", 1001),
        ...bulk("ec2:snapshot", "snap", 1002),
        ...bulk("ec2:natgateway", "nat", 1003),
        ...bulk("ec2:elastic-ip", "eipalloc", 7),
      ],
    },
    globexAccount(),
  ]);
  const creds = await assume(sandbox);
  ec2 = new EC2Client(clientConfig(sandbox, creds, "eu-west-1"));
  s3 = new S3Client(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("EC2", () => {
  it("lists the enabled regions, and every region with AllRegions", async () => {
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions?.map((r) => r.RegionName)).toEqual(["us-east-1", "eu-west-1"]);
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.length).toBe(21);
    expect(all.Regions?.find((r) => r.RegionName === "ap-east-1")?.OptInStatus).toBe("not-opted-in");
  });

  it("walks every instance with the paginator, with state and tags", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 100 }, {})) {
      pages += 1;
      for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) ids.push(i.InstanceId!);
    }
    expect(ids).toHaveLength(1101);
    expect(pages).toBe(12);
    const one = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ["i-0000000000000003"] }));
    const instance = one.Reservations?.[0]?.Instances?.[0];
    expect(instance?.State).toEqual({ Code: 16, Name: "running" });
    expect(instance?.Tags).toEqual([{ Key: "Environment", Value: "production" }]);
  });

  it("filters instances by state and by tag", async () => {
    const us = new EC2Client(clientConfig(sandbox, await assume(sandbox)));
    const stopped = await us.send(
      new DescribeInstancesCommand({ Filters: [{ Name: "instance-state-name", Values: ["stopped"] }] }),
    );
    expect(stopped.Reservations?.flatMap((r) => r.Instances?.map((i) => i.InstanceId))).toEqual([
      "i-0000000000000002",
    ]);
    const named = await us.send(
      new DescribeInstancesCommand({ Filters: [{ Name: "tag:Name", Values: ["web-1"] }] }),
    );
    expect(named.Reservations).toHaveLength(1);
  });

  it.each([
    [
      "volumes",
      () => paginateDescribeVolumes({ client: ec2, pageSize: 500 }, {}),
      (p: { Volumes?: unknown[] }) => p.Volumes?.length ?? 0,
      1001,
    ],
    [
      "snapshots",
      () => paginateDescribeSnapshots({ client: ec2, pageSize: 1000 }, { OwnerIds: ["self"] }),
      (p: { Snapshots?: unknown[] }) => p.Snapshots?.length ?? 0,
      1002,
    ],
    [
      "NAT gateways",
      () => paginateDescribeNatGateways({ client: ec2, pageSize: 50 }, {}),
      (p: { NatGateways?: unknown[] }) => p.NatGateways?.length ?? 0,
      1003,
    ],
  ] as const)("walks all %s to the end", async (_label, paginate, count, expected) => {
    let total = 0;
    for await (const page of paginate()) total += count(page as never);
    expect(total).toBe(expected);
  });

  it("returns every elastic IP without pagination", async () => {
    const out = await ec2.send(new DescribeAddressesCommand({}));
    expect(out.Addresses).toHaveLength(7);
    expect(out.Addresses?.[1]?.Tags).toEqual([{ Key: "Owner", Value: "x@acme.io" }]);
  });

  it("rejects MaxResults outside the API's range", async () => {
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 3 }))).rejects.toMatchObject({
      name: "InvalidParameterValue",
    });
  });

  it("keeps accounts apart", async () => {
    const globex = new EC2Client(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const out = await globex.send(new DescribeInstancesCommand({}));
    expect(out.Reservations?.flatMap((r) => r.Instances?.map((i) => i.InstanceId))).toEqual([
      "i-00000000000000g1",
    ]);
  });
});

describe("S3", () => {
  it("lists the caller's buckets only", async () => {
    const out = await s3.send(new ListBucketsCommand({}));
    expect(out.Buckets?.map((b) => b.Name)).toEqual(["acme-logs", "acme-untagged"]);
  });

  it("reads tags, NoSuchTagSet when untagged, and the location", async () => {
    const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: "acme-logs" }));
    expect(tags.TagSet).toEqual([{ Key: "Owner", Value: "a@acme.io" }]);
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket: "acme-untagged" }))).rejects.toMatchObject({
      name: "NoSuchTagSet",
    });
    expect(
      (await s3.send(new GetBucketLocationCommand({ Bucket: "acme-untagged" }))).LocationConstraint,
    ).toBe("eu-west-1");
    expect(
      (await s3.send(new GetBucketLocationCommand({ Bucket: "acme-logs" }))).LocationConstraint,
    ).toBeUndefined();
  });

  it("denies another account's bucket and reports unknown ones", async () => {
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket: "globex-data" }))).rejects.toMatchObject({
      name: "AccessDenied",
    });
    await expect(s3.send(new GetBucketTaggingCommand({ Bucket: "nobody-has-this" }))).rejects.toMatchObject({
      name: "NoSuchBucket",
    });
  });

  it("denies reads the role's policy does not grant", async () => {
    sandbox.putRole(ACME, {
      name: "NoS3",
      trust_policy: {
        Statement: [
          { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "sts:AssumeRole" },
        ],
      },
      permissions_policy: { Statement: [{ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }] },
    });
    const { STSClient, AssumeRoleCommand } = await import("@aws-sdk/client-sts");
    const { CONTROL_PLANE, staticCreds } = await import("./fixtures");
    const out = await new STSClient(clientConfig(sandbox, staticCreds(CONTROL_PLANE))).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACME}:role/NoS3`, RoleSessionName: "narrow" }),
    );
    const c = out.Credentials!;
    const narrow = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    await expect(
      new S3Client(clientConfig(sandbox, narrow)).send(new ListBucketsCommand({})),
    ).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(
      new EC2Client(clientConfig(sandbox, narrow)).send(new DescribeInstancesCommand({})),
    ).resolves.toBeDefined();
    const { ResourceGroupsTaggingAPIClient, GetResourcesCommand } = await import(
      "@aws-sdk/client-resource-groups-tagging-api"
    );
    await expect(
      new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, narrow)).send(new GetResourcesCommand({})),
    ).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
  });
});
