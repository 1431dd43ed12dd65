import { describe, expect, it } from "vitest";
import { costDataFromCostExplorer } from "../../src/cost/cost-explorer";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const money = (amount: string) => ({ UnblendedCost: { Amount: amount, Unit: "USD" } });

describe("costDataFromCostExplorer", () => {
  it("sums every period and page, keeps the untagged Name$ bucket out of the name map", () => {
    const data = costDataFromCostExplorer([
      {
        TimePeriod: { Start: "2026-01-01", End: "2026-02-01" },
        Groups: [
          { Keys: [EC2, "Name$web-1"], Metrics: money("10.25") },
          { Keys: [EC2, "Name$"], Metrics: money("4.75") },
          { Keys: ["Tax", "Name$"], Metrics: money("3") },
        ],
      },
      // A second page of the same period, then a second month.
      {
        TimePeriod: { Start: "2026-01-01", End: "2026-02-01" },
        Groups: [{ Keys: [EC2, "Name$db"], Metrics: money("1") }],
      },
      {
        TimePeriod: { Start: "2026-02-01", End: "2026-03-01" },
        Groups: [{ Keys: [EC2, "Name$web-1"], Metrics: money("0.5") }],
      },
    ]);
    expect(data.period).toEqual({ start: "2026-01-01", end: "2026-03-01" });
    expect(data.by_service).toEqual({ [EC2]: 16.5, Tax: 3 });
    expect(data.by_service_name_tag).toEqual({ [EC2]: { "web-1": 10.75, db: 1 } });
  });

  it("finds the service and the tag key whatever the GroupBy order, and accepts SERVICE-only groups", () => {
    const data = costDataFromCostExplorer([
      {
        Groups: [
          { Keys: ["Name$api", "AWS Lambda"], Metrics: money("2") },
          { Keys: ["Amazon Simple Storage Service"], Metrics: money("7") },
        ],
      },
    ]);
    expect(data.by_service).toEqual({ "AWS Lambda": 2, "Amazon Simple Storage Service": 7 });
    expect(data.by_service_name_tag).toEqual({ "AWS Lambda": { api: 2 } });
    expect(data.period).toEqual({ start: "", end: "" });
  });

  it("keeps credits (negative amounts) as reported", () => {
    const data = costDataFromCostExplorer([
      {
        Groups: [
          { Keys: [EC2], Metrics: money("10") },
          { Keys: [EC2], Metrics: money("-2.5") },
        ],
      },
    ]);
    expect(data.by_service[EC2]).toBe(7.5);
  });

  it("stores tag values that collide with Object.prototype names as ordinary keys", () => {
    const data = costDataFromCostExplorer([
      {
        Groups: [
          { Keys: [EC2, "Name$constructor"], Metrics: money("1") },
          { Keys: [EC2, "Name$__proto__"], Metrics: money("2") },
        ],
      },
    ]);
    expect(Object.entries(data.by_service_name_tag[EC2] ?? {})).toEqual([
      ["constructor", 1],
      ["__proto__", 2],
    ]);
  });

  it("reads another metric when asked", () => {
    const data = costDataFromCostExplorer(
      [{ Groups: [{ Keys: [EC2], Metrics: { BlendedCost: { Amount: "4" } } }] }],
      {
        metric: "BlendedCost",
      },
    );
    expect(data.by_service[EC2]).toBe(4);
  });

  it.each([
    ["a missing metric", { Keys: [EC2], Metrics: {} }, /no numeric UnblendedCost/],
    ["a non-numeric amount", { Keys: [EC2], Metrics: money("abc") }, /no numeric UnblendedCost/],
    ["an empty amount", { Keys: [EC2], Metrics: money(" ") }, /no numeric UnblendedCost/],
    ["no service key", { Keys: ["Name$x"], Metrics: money("1") }, /no SERVICE key/],
  ])("rejects %s instead of reading it as $0", (_label, group, message) => {
    expect(() => costDataFromCostExplorer([{ Groups: [group] }])).toThrow(message);
  });
});
