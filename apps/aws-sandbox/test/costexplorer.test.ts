import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
} from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
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
import { errorOf, narrowSession } from "./service-helpers";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const S3 = "Amazon Simple Storage Service";
const LAMBDA = "AWS Lambda";
const DDB = "Amazon DynamoDB";
/** March 2026 spend under 1,105 Name tags: tag t-i costs i+1 a day. */
const NAMES = 1105;

let sandbox: Sandbox;
let ce: CostExplorerClient;

beforeAll(async () => {
  sandbox = await startTestSandbox(
    [
      acmeAccount({
        costs: [
          { start: "2026-01-01", end: "2026-02-01", service: EC2, amount: 310, name: "web-1" }, // 10 a day
          { start: "2026-01-15", end: "2026-02-15", service: S3, amount: 31 }, // 1 a day: 17 in Jan, 14 in Feb
          { start: "2026-02-01", end: "2026-03-01", service: EC2, amount: 56 }, // 2 a day
          { start: "2026-01-01", end: "2026-01-04", service: LAMBDA, amount: 1, name: "fn" }, // 1/3 a day
          ...Array.from({ length: NAMES }, (_, i) => ({
            start: "2026-03-01",
            end: "2026-04-01",
            service: DDB,
            amount: 31 * (i + 1),
            name: `t-${String(i).padStart(4, "0")}`,
          })),
        ],
      }),
      globexAccount({ costs: [{ start: "2026-01-01", end: "2026-02-01", service: EC2, amount: 999 }] }),
    ],
    // A fixed "today" makes Estimated deterministic: January is final, February still estimated.
    { now: () => Date.parse("2026-02-10T12:00:00Z") },
  );
  ce = new CostExplorerClient(clientConfig(sandbox, await assume(sandbox)));
});
afterAll(() => sandbox.stop());

const usd = (amount: string) => ({ UnblendedCost: { Amount: amount, Unit: "USD" } });
const query = (input: Partial<GetCostAndUsageCommandInput>): GetCostAndUsageCommandInput => ({
  TimePeriod: { Start: "2026-01-01", End: "2026-02-01" },
  Granularity: "MONTHLY",
  Metrics: ["UnblendedCost"],
  ...input,
});

/** Every page of a query, following NextPageToken (the SDK has no paginator for GetCostAndUsage). */
async function allPages(input: GetCostAndUsageCommandInput): Promise<GetCostAndUsageCommandOutput[]> {
  const pages: GetCostAndUsageCommandOutput[] = [];
  let token: string | undefined;
  do {
    const page = await ce.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }));
    pages.push(page);
    token = page.NextPageToken;
  } while (token);
  return pages;
}

describe("totals", () => {
  it("prorates by overlapping days into calendar months clipped to the period", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(query({ TimePeriod: { Start: "2026-01-10", End: "2026-03-01" } })),
    );
    expect(out.NextPageToken).toBeUndefined();
    expect(out.ResultsByTime).toEqual([
      // EC2 22 days × 10 + S3 17 days × 1; the Lambda days (Jan 1–3) fall before the start.
      {
        TimePeriod: { Start: "2026-01-10", End: "2026-02-01" },
        Total: usd("237.0000000000"),
        Groups: [],
        Estimated: false,
      },
      // EC2 28 days × 2 + S3 14 days × 1.
      {
        TimePeriod: { Start: "2026-02-01", End: "2026-03-01" },
        Total: usd("70.0000000000"),
        Groups: [],
        Estimated: true,
      },
    ]);
  });

  it("reports one entry per day with DAILY granularity", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(
        query({ Granularity: "DAILY", TimePeriod: { Start: "2026-01-01", End: "2026-01-04" } }),
      ),
    );
    expect(
      out.ResultsByTime?.map((r) => [r.TimePeriod?.Start, r.TimePeriod?.End, r.Total?.UnblendedCost?.Amount]),
    ).toEqual([
      ["2026-01-01", "2026-01-02", "10.3333333333"],
      ["2026-01-02", "2026-01-03", "10.3333333333"],
      ["2026-01-03", "2026-01-04", "10.3333333333"],
    ]);
  });

  it("reports every requested metric; usage as zero with no unit", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(
        query({
          TimePeriod: { Start: "2026-01-20", End: "2026-01-21" },
          Metrics: ["UnblendedCost", "BlendedCost", "AmortizedCost", "NetUnblendedCost", "UsageQuantity"],
        }),
      ),
    );
    expect(out.ResultsByTime?.[0]?.Total).toEqual({
      UnblendedCost: { Amount: "11.0000000000", Unit: "USD" },
      BlendedCost: { Amount: "11.0000000000", Unit: "USD" },
      AmortizedCost: { Amount: "11.0000000000", Unit: "USD" },
      NetUnblendedCost: { Amount: "11.0000000000", Unit: "USD" },
      UsageQuantity: { Amount: "0", Unit: "N/A" },
    });
  });

  it("filters on SERVICE dimension values", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(
        query({
          TimePeriod: { Start: "2026-01-01", End: "2026-03-01" },
          Filter: { Dimensions: { Key: "SERVICE", Values: [S3] } },
        }),
      ),
    );
    expect(out.ResultsByTime?.map((r) => r.Total?.UnblendedCost?.Amount)).toEqual([
      "17.0000000000",
      "14.0000000000",
    ]);
  });

  it("answers zero for periods without spend", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(query({ TimePeriod: { Start: "2025-11-01", End: "2026-01-01" } })),
    );
    expect(out.ResultsByTime?.map((r) => r.Total?.UnblendedCost?.Amount)).toEqual(["0", "0"]);
  });
});

describe("groups", () => {
  it("groups by SERVICE", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(
        query({
          TimePeriod: { Start: "2026-01-10", End: "2026-03-01" },
          GroupBy: [{ Type: "DIMENSION", Key: "SERVICE" }],
        }),
      ),
    );
    expect(out.GroupDefinitions).toEqual([{ Type: "DIMENSION", Key: "SERVICE" }]);
    expect(out.ResultsByTime?.map((r) => [r.Total, r.Groups])).toEqual([
      [
        {},
        [
          { Keys: [EC2], Metrics: usd("220.0000000000") },
          { Keys: [S3], Metrics: usd("17.0000000000") },
        ],
      ],
      [
        {},
        [
          { Keys: [EC2], Metrics: usd("56.0000000000") },
          { Keys: [S3], Metrics: usd("14.0000000000") },
        ],
      ],
    ]);
  });

  it("groups by the Name tag, untagged spend under Name$", async () => {
    const out = await ce.send(new GetCostAndUsageCommand(query({ GroupBy: [{ Type: "TAG", Key: "Name" }] })));
    expect(out.ResultsByTime?.[0]?.Groups).toEqual([
      { Keys: ["Name$"], Metrics: usd("17.0000000000") },
      { Keys: ["Name$fn"], Metrics: usd("1.0000000000") },
      { Keys: ["Name$web-1"], Metrics: usd("310.0000000000") },
    ]);
  });

  it("groups by SERVICE and Name together, keys in GroupBy order", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(
        query({
          GroupBy: [
            { Type: "DIMENSION", Key: "SERVICE" },
            { Type: "TAG", Key: "Name" },
          ],
        }),
      ),
    );
    expect(out.ResultsByTime?.[0]?.Groups).toEqual([
      { Keys: [LAMBDA, "Name$fn"], Metrics: usd("1.0000000000") },
      { Keys: [EC2, "Name$web-1"], Metrics: usd("310.0000000000") },
      { Keys: [S3, "Name$"], Metrics: usd("17.0000000000") },
    ]);
  });

  it("groups by LINKED_ACCOUNT with the account's name", async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand(query({ GroupBy: [{ Type: "DIMENSION", Key: "LINKED_ACCOUNT" }] })),
    );
    expect(out.ResultsByTime?.[0]?.Groups).toEqual([{ Keys: [ACME], Metrics: usd("328.0000000000") }]);
    expect(out.DimensionValueAttributes).toEqual([{ Value: ACME, Attributes: { description: "acme" } }]);
  });
});

describe("pagination", () => {
  it("pages 1,105 groups of one month 50 at a time", async () => {
    const pages = await allPages(
      query({
        TimePeriod: { Start: "2026-03-01", End: "2026-04-01" },
        GroupBy: [{ Type: "TAG", Key: "Name" }],
      }),
    );
    expect(pages).toHaveLength(23);
    const groups = pages.flatMap((p) => {
      expect(p.ResultsByTime).toHaveLength(1);
      expect(p.ResultsByTime![0]!.Groups!.length).toBeLessThanOrEqual(50);
      return p.ResultsByTime![0]!.Groups!;
    });
    expect(groups).toHaveLength(NAMES);
    expect(groups[0]).toEqual({ Keys: ["Name$t-0000"], Metrics: usd("31.0000000000") });
    const total = groups.reduce((sum, g) => sum + Number(g.Metrics!.UnblendedCost!.Amount), 0);
    expect(total).toBe((31 * NAMES * (NAMES + 1)) / 2);
  });

  it("continues a period on the next page and reassembles every day", async () => {
    const pages = await allPages(
      query({
        Granularity: "DAILY",
        TimePeriod: { Start: "2026-03-01", End: "2026-03-03" },
        GroupBy: [{ Type: "TAG", Key: "Name" }],
      }),
    );
    expect(pages).toHaveLength(45);
    // Page 23 holds the last 5 groups of March 1st and the first 45 of March 2nd.
    expect(pages[22]!.ResultsByTime?.map((r) => [r.TimePeriod?.Start, r.Groups?.length])).toEqual([
      ["2026-03-01", 5],
      ["2026-03-02", 45],
    ]);
    const byDay = new Map<string, Map<string, string>>();
    for (const page of pages) {
      for (const r of page.ResultsByTime ?? []) {
        const day = byDay.get(r.TimePeriod!.Start!) ?? new Map<string, string>();
        for (const g of r.Groups ?? []) day.set(g.Keys![0]!, g.Metrics!.UnblendedCost!.Amount!);
        byDay.set(r.TimePeriod!.Start!, day);
      }
    }
    expect([...byDay.keys()]).toEqual(["2026-03-01", "2026-03-02"]);
    for (const day of byDay.values()) {
      expect(day.size).toBe(NAMES);
      expect(day.get("Name$t-0004")).toBe("5.0000000000");
    }
  });

  it("rejects a forged NextPageToken", async () => {
    const error = await errorOf(ce.send(new GetCostAndUsageCommand(query({ NextPageToken: "forged" }))));
    expect(error.name).toBe("InvalidNextTokenException");
  });
});

describe("validation", () => {
  it.each([
    ["Start equal to End", { TimePeriod: { Start: "2026-01-01", End: "2026-01-01" } }, "before end date"],
    ["Start after End", { TimePeriod: { Start: "2026-02-01", End: "2026-01-01" } }, "before end date"],
    ["an impossible date", { TimePeriod: { Start: "2026-02-01", End: "2026-02-30" } }, "2026-02-30"],
    ["HOURLY granularity", { Granularity: "HOURLY" as const }, "Hourly"],
    ["no metrics", { Metrics: [] }, "Metrics"],
    ["an unknown metric", { Metrics: ["Bogus"] }, "Bogus"],
    [
      "three group-bys",
      {
        GroupBy: [
          { Type: "DIMENSION" as const, Key: "SERVICE" },
          { Type: "TAG" as const, Key: "Name" },
          { Type: "TAG" as const, Key: "Owner" },
        ],
      },
      "two",
    ],
    [
      "an ungroupable dimension",
      { GroupBy: [{ Type: "DIMENSION" as const, Key: "COLOUR" }] },
      "dimension is invalid",
    ],
    ["a dimension the sandbox lacks", { GroupBy: [{ Type: "DIMENSION" as const, Key: "REGION" }] }, "REGION"],
    ["a tag filter", { Filter: { Tags: { Key: "Name", Values: ["web-1"] } } }, "Filter.Tags"],
    ["a logical filter", { Filter: { And: [] } }, "Filter.And"],
    [
      "a filter on another dimension",
      { Filter: { Dimensions: { Key: "REGION" as const, Values: ["us-east-1"] } } },
      "REGION",
    ],
  ])("rejects %s with ValidationException", async (_label, input, text) => {
    const error = await errorOf(
      ce.send(new GetCostAndUsageCommand(query(input as Partial<GetCostAndUsageCommandInput>))),
    );
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain(text);
  });
});

describe("isolation and permissions", () => {
  it("reports each account's own spend only", async () => {
    const acme = await ce.send(
      new GetCostAndUsageCommand(query({ Filter: { Dimensions: { Key: "SERVICE", Values: [EC2] } } })),
    );
    expect(acme.ResultsByTime?.[0]?.Total).toEqual(usd("310.0000000000"));
    const globex = new CostExplorerClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    const theirs = await globex.send(
      new GetCostAndUsageCommand(query({ GroupBy: [{ Type: "DIMENSION", Key: "LINKED_ACCOUNT" }] })),
    );
    expect(theirs.ResultsByTime?.[0]?.Groups).toEqual([{ Keys: [GLOBEX], Metrics: usd("999.0000000000") }]);
  });

  it("denies a role whose policy lacks ce:GetCostAndUsage", async () => {
    const narrow = new CostExplorerClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ce:GetDimensionValues"])),
    );
    const error = await errorOf(narrow.send(new GetCostAndUsageCommand(query({}))));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("ce:GetCostAndUsage");
  });
});
