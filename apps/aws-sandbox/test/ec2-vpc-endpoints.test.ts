import { DescribeVpcEndpointsCommand, EC2Client, paginateDescribeVpcEndpoints } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  EXTERNAL_ID,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  scannerRole,
  startTestSandbox,
} from "./fixtures";
import { errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: EC2Client;
let us: EC2Client;

const endpoint = "ec2:vpc-endpoint";
const READ = ["ec2:DescribeVpcEndpoints", "ec2:DescribeRegions"];
const vpce = (n: number) => `vpce-0a${String(n).padStart(15, "0")}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        // 12 in eu-west-1: three pages of 5.
        ...Array.from({ length: 12 }, (_, i) => ({
          type: endpoint,
          region: "eu-west-1",
          id: vpce(i),
          tags: {},
        })),
        {
          type: endpoint,
          region: "us-east-1",
          id: vpce(100),
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { ServiceName: "com.amazonaws.us-east-1.ssm", VpcId: "vpc-0acme" },
        },
        {
          type: endpoint,
          region: "us-east-1",
          id: vpce(101),
          tags: {},
          attributes: { VpcEndpointType: "Gateway", ServiceName: "com.amazonaws.us-east-1.s3" },
        },
        { type: endpoint, region: "us-east-1", id: vpce(102), tags: {}, state: "deleting" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: endpoint, region: "us-east-1", id: "vpce-0b000000000000001", tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new EC2Client(clientConfig(sandbox, creds, "eu-west-1"));
  us = new EC2Client(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("DescribeVpcEndpoints", () => {
  it("describes each endpoint with its type, service, lower-case state, creation time and tags", async () => {
    const out = await us.send(new DescribeVpcEndpointsCommand({}));
    expect(out.VpcEndpoints?.map((e) => [e.VpcEndpointId, e.VpcEndpointType, e.State])).toEqual([
      [vpce(100), "Interface", "available"],
      [vpce(101), "Gateway", "available"],
      [vpce(102), "Interface", "deleting"],
    ]);
    expect(out.VpcEndpoints?.[0]).toMatchObject({
      ServiceName: "com.amazonaws.us-east-1.ssm",
      VpcId: "vpc-0acme",
      OwnerId: ACME,
      CreationTimestamp: new Date("2026-01-05T10:00:00Z"),
      Tags: [{ Key: "Owner", Value: "a@acme.io" }],
    });
    expect(out.NextToken).toBeUndefined();
  });

  it("pages with MaxResults (5 to 1000) and NextToken", async () => {
    const sizes: number[] = [];
    for await (const page of paginateDescribeVpcEndpoints({ client: eu, pageSize: 5 }, {}))
      sizes.push(page.VpcEndpoints?.length ?? 0);
    expect(sizes).toEqual([5, 5, 2]);
    expect((await errorOf(eu.send(new DescribeVpcEndpointsCommand({ MaxResults: 4 })))).name).toBe(
      "InvalidParameterValue",
    );
    expect((await errorOf(eu.send(new DescribeVpcEndpointsCommand({ NextToken: "forged" })))).name).toBe(
      "InvalidParameterValue",
    );
  });

  it("filters by state and tag", async () => {
    const deleting = await us.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: "vpc-endpoint-state", Values: ["deleting"] }] }),
    );
    expect(deleting.VpcEndpoints?.map((e) => e.VpcEndpointId)).toEqual([vpce(102)]);
    const owned = await us.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: "tag-key", Values: ["Owner"] }] }),
    );
    expect(owned.VpcEndpoints?.map((e) => e.VpcEndpointId)).toEqual([vpce(100)]);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own endpoints", async () => {
    const globex = new EC2Client(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const theirs = await globex.send(new DescribeVpcEndpointsCommand({}));
    expect(theirs.VpcEndpoints?.map((e) => e.VpcEndpointId)).toEqual(["vpce-0b000000000000001"]);
    expect(JSON.stringify(theirs)).not.toContain(ACME);
    expect(JSON.stringify(await us.send(new DescribeVpcEndpointsCommand({})))).not.toContain(GLOBEX);
  });

  it("denies DescribeVpcEndpoints when the role's policy lacks it", async () => {
    const narrow = new EC2Client(
      clientConfig(sandbox, await narrowSession(sandbox, ["ec2:DescribeRegions"])),
    );
    const error = await errorOf(narrow.send(new DescribeVpcEndpointsCommand({})));
    expect(error.name).toBe("UnauthorizedOperation");
  });
});
