// One cheap read per permission family the role template grants: one page, the smallest page
// size each API accepts. EC2 region discovery and the tagging API are required (the scanner cannot
// list anything without them); every other family only narrows what a scan sees.
import { CostExplorerClient, GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { ListPoliciesCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { createSdkClient, type SdkClientConfig } from "../config";
import type { ObservableClient } from "../observe";
import type { Probe, ProbeContext } from "./types";

/** Cost Explorer and Organizations are global services answered from us-east-1. */
const GLOBAL_REGION = "us-east-1";
const DAY_MS = 86_400_000;

type Sendable<I> = { send(command: I, options: { abortSignal: AbortSignal }): Promise<unknown> };

/** Builds the client, sends one command with the probe's abort signal, and always destroys it. */
async function once<I, C extends Sendable<I> & { destroy(): void }>(
  client: C,
  command: I,
  ctx: ProbeContext,
) {
  try {
    return await client.send(command, { abortSignal: ctx.abortSignal });
  } finally {
    client.destroy();
  }
}

const client = <C extends ObservableClient>(
  Class: new (config: SdkClientConfig) => C,
  ctx: ProbeContext,
  region = ctx.region,
) => createSdkClient(Class, ctx.config, region, ctx.credentials);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export const PROBES: readonly Probe[] = [
  {
    family: "EC2",
    action: "ec2:DescribeRegions",
    required: true,
    run: (ctx) => once(client(EC2Client, ctx), new DescribeRegionsCommand({}), ctx),
  },
  {
    family: "Tagging",
    action: "tag:GetResources",
    required: true,
    run: (ctx) =>
      once(
        client(ResourceGroupsTaggingAPIClient, ctx),
        new GetResourcesCommand({ ResourcesPerPage: 1 }),
        ctx,
      ),
  },
  {
    family: "RDS",
    action: "rds:DescribeDBInstances",
    required: false,
    // 20 is the smallest MaxRecords RDS accepts.
    run: (ctx) => once(client(RDSClient, ctx), new DescribeDBInstancesCommand({ MaxRecords: 20 }), ctx),
  },
  {
    family: "Lambda",
    action: "lambda:ListFunctions",
    required: false,
    run: (ctx) => once(client(LambdaClient, ctx), new ListFunctionsCommand({ MaxItems: 1 }), ctx),
  },
  {
    family: "ECS",
    action: "ecs:ListClusters",
    required: false,
    run: (ctx) => once(client(ECSClient, ctx), new ListClustersCommand({ maxResults: 1 }), ctx),
  },
  {
    family: "DynamoDB",
    action: "dynamodb:ListTables",
    required: false,
    run: (ctx) => once(client(DynamoDBClient, ctx), new ListTablesCommand({ Limit: 1 }), ctx),
  },
  {
    family: "S3",
    action: "s3:ListAllMyBuckets",
    required: false,
    run: (ctx) => once(client(S3Client, ctx), new ListBucketsCommand({}), ctx),
  },
  {
    family: "Cost Explorer",
    action: "ce:GetCostAndUsage",
    required: false,
    // Yesterday to today, daily: one period, the cheapest query that still needs the permission.
    run: (ctx) => {
      const today = Math.floor(ctx.now.getTime() / DAY_MS) * DAY_MS;
      return once(
        client(CostExplorerClient, ctx, GLOBAL_REGION),
        new GetCostAndUsageCommand({
          TimePeriod: { Start: isoDay(today - DAY_MS), End: isoDay(today) },
          Granularity: "DAILY",
          Metrics: ["UnblendedCost"],
        }),
        ctx,
      );
    },
  },
  {
    family: "Organizations",
    // The template grants ListPolicies (tag policy import), not DescribeOrganization, so the
    // probe is the call the scanner makes. An account outside any organization answers
    // AWSOrganizationsNotInUseException: the permission works, there is just nothing to import.
    action: "organizations:ListPolicies",
    required: false,
    run: (ctx) =>
      once(
        client(OrganizationsClient, ctx, GLOBAL_REGION),
        new ListPoliciesCommand({ Filter: "TAG_POLICY", MaxResults: 1 }),
        ctx,
      ),
  },
];

/** Errors that prove the call was authorized although it returned nothing. */
export const AUTHORIZED_ERRORS: ReadonlySet<string> = new Set(["AWSOrganizationsNotInUseException"]);
