// GetCostAndUsage by USAGE_TYPE (how EC2 - Other is split) and ListCostAllocationTags, through the
// real SDK. Two accounts: neither ever sees the other's spend or tag keys.
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  ListCostAllocationTagsCommand,
  type ListCostAllocationTagsCommandInput,
} from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  acmeAccount,
  assume,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  startTestSandbox,
} from "./fixtures";
import { errorOf, narrowSession } from "./service-helpers";

const OTHER = "EC2 - Other";
const EC2 = "Amazon Elastic Compute Cloud - Compute";
const JAN = { start: "2026-01-01", end: "2026-02-01" };

let sandbox: Sandbox;
let acme: CostExplorerClient;
let globex: CostExplorerClient;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      costs: [
        { ...JAN, service: EC2, usage_type: "BoxUsage:t3.medium", amount: 70 },
        { ...JAN, service: OTHER, usage_type: "EBS:VolumeUsage.gp3", amount: 8, name: "data" },
        { ...JAN, service: OTHER, usage_type: "EBS:VolumeUsage.gp3", amount: 2 },
        { ...JAN, service: OTHER, usage_type: "USW2-NatGateway-Hours", amount: 32 },
        { ...JAN, service: OTHER, amount: 1 },
      ],
      cost_allocation_tags: [
        { key: "Owner", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
        { key: "Environment", status: "Inactive" },
        { key: "aws:createdBy", type: "AWSGenerated", status: "Inactive" },
        ...Array.from({ length: 120 }, (_, i) => ({
          key: `k-${String(i).padStart(3, "0")}`,
          status: "Active" as const,
        })),
      ],
    }),
    globexAccount({
      costs: [{ ...JAN, service: OTHER, usage_type: "EBS:SnapshotUsage", amount: 5 }],
      cost_allocation_tags: [{ key: "Team", status: "Active" }],
    }),
  ]);
  acme = new CostExplorerClient(clientConfig(sandbox, await assume(sandbox)));
  globex = new CostExplorerClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
});
afterAll(() => sandbox.stop());

const usd = (amount: string) => ({ UnblendedCost: { Amount: amount, Unit: "USD" } });

describe("GetCostAndUsage by USAGE_TYPE", () => {
  it("splits EC2 - Other by usage type with the Name tag, as AWS answers it", async () => {
    const out = await acme.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: "2026-01-01", End: "2026-02-01" },
        Granularity: "MONTHLY",
        Metrics: ["UnblendedCost"],
        Filter: { Dimensions: { Key: "SERVICE", Values: [OTHER] } },
        GroupBy: [
          { Type: "DIMENSION", Key: "USAGE_TYPE" },
          { Type: "TAG", Key: "Name" },
        ],
      }),
    );
    expect(out.GroupDefinitions).toEqual([
      { Type: "DIMENSION", Key: "USAGE_TYPE" },
      { Type: "TAG", Key: "Name" },
    ]);
    expect(out.ResultsByTime?.[0]?.Groups).toEqual([
      { Keys: ["EBS:VolumeUsage.gp3", "Name$"], Metrics: usd("2.0000000000") },
      { Keys: ["EBS:VolumeUsage.gp3", "Name$data"], Metrics: usd("8.0000000000") },
      // A seed row with no usage type: the sandbox's own label.
      { Keys: ["NoUsageType", "Name$"], Metrics: usd("1.0000000000") },
      { Keys: ["USW2-NatGateway-Hours", "Name$"], Metrics: usd("32.0000000000") },
    ]);
  });

  it("keeps SERVICE and USAGE_TYPE together in GroupBy order, each account its own", async () => {
    const input = {
      TimePeriod: { Start: "2026-01-01", End: "2026-02-01" },
      Granularity: "MONTHLY" as const,
      Metrics: ["UnblendedCost"],
      GroupBy: [
        { Type: "DIMENSION" as const, Key: "SERVICE" as const },
        { Type: "DIMENSION" as const, Key: "USAGE_TYPE" as const },
      ],
    };
    const theirs = await globex.send(new GetCostAndUsageCommand(input));
    expect(theirs.ResultsByTime?.[0]?.Groups).toEqual([
      { Keys: [OTHER, "EBS:SnapshotUsage"], Metrics: usd("5.0000000000") },
    ]);
    const ours = await acme.send(new GetCostAndUsageCommand(input));
    const keys = ours.ResultsByTime?.[0]?.Groups?.map((g) => g.Keys);
    expect(keys).toContainEqual([EC2, "BoxUsage:t3.medium"]);
    expect(keys).not.toContainEqual([OTHER, "EBS:SnapshotUsage"]);
  });
});

/** Every page, following NextToken. */
async function allTags(client: CostExplorerClient, input: ListCostAllocationTagsCommandInput = {}) {
  const tags = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const out = await client.send(new ListCostAllocationTagsCommand({ ...input, NextToken: token }));
    tags.push(...(out.CostAllocationTags ?? []));
    token = out.NextToken;
    pages++;
  } while (token);
  return { tags, pages };
}

describe("ListCostAllocationTags", () => {
  it("lists every key with its type and status, 100 a page by default, sorted by key", async () => {
    const { tags, pages } = await allTags(acme);
    expect(pages).toBe(2);
    expect(tags).toHaveLength(123);
    expect(tags[0]).toEqual({
      TagKey: "Environment",
      Type: "UserDefined",
      Status: "Inactive",
    });
    expect(tags.find((t) => t.TagKey === "Owner")).toEqual({
      TagKey: "Owner",
      Type: "UserDefined",
      Status: "Active",
      LastUpdatedDate: "2025-03-01T00:00:00Z",
    });
  });

  it("filters by Status, Type and TagKeys, and honours MaxResults", async () => {
    const inactive = await allTags(acme, { Status: "Inactive" });
    expect(inactive.tags.map((t) => t.TagKey)).toEqual(["Environment", "aws:createdBy"]);
    const generated = await allTags(acme, { Type: "AWSGenerated" });
    expect(generated.tags.map((t) => t.TagKey)).toEqual(["aws:createdBy"]);
    const named = await allTags(acme, { TagKeys: ["Owner", "Missing"], Status: "Active" });
    expect(named.tags.map((t) => t.TagKey)).toEqual(["Owner"]);
    const small = await acme.send(new ListCostAllocationTagsCommand({ MaxResults: 2 }));
    expect(small.CostAllocationTags).toHaveLength(2);
    expect(small.NextToken).toBeTruthy();
  });

  it("never shows one account's keys to another", async () => {
    const { tags } = await allTags(globex);
    expect(tags).toEqual([{ TagKey: "Team", Type: "UserDefined", Status: "Active" }]);
    const ours = await allTags(acme, { TagKeys: ["Team"] });
    expect(ours.tags).toEqual([]);
  });

  it.each([
    ["a bad Status", { Status: "Enabled" }, "Active, Inactive"],
    ["a bad Type", { Type: "Custom" }, "AWSGenerated, UserDefined"],
    ["MaxResults above 1000", { MaxResults: 1001 }, "between 1 and 1000"],
    ["an empty TagKeys", { TagKeys: [] }, "between 1 and 100"],
  ])("rejects %s with ValidationException", async (_label, input, text) => {
    const error = await errorOf(
      acme.send(new ListCostAllocationTagsCommand(input as ListCostAllocationTagsCommandInput)),
    );
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain(text);
  });

  it("rejects a token from another query", async () => {
    const first = await acme.send(new ListCostAllocationTagsCommand({ MaxResults: 1 }));
    const error = await errorOf(
      acme.send(new ListCostAllocationTagsCommand({ Status: "Inactive", NextToken: first.NextToken })),
    );
    expect(error.name).toBe("InvalidNextTokenException");
  });

  it("denies a role whose policy lacks ce:ListCostAllocationTags", async () => {
    const narrow = new CostExplorerClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ce:GetCostAndUsage"])),
    );
    const error = await errorOf(narrow.send(new ListCostAllocationTagsCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("ce:ListCostAllocationTags");
  });
});
