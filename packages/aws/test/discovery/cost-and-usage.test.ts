// fetchCostAndUsage: every page of GetCostAndUsage, parsed by core into exact totals.
import { costDataFromCostExplorer } from "@tagc/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AwsReadError, fetchCostAndUsage } from "../../src";
import { ACME, acmeAccount, callsIn, credentialsOf, startWorld, type World } from "./fixtures";

const LAMBDA = "AWS Lambda";
const EC2 = "Amazon Elastic Compute Cloud - Compute";
const MONTHS = [
  ["2026-08-01", "2026-09-01"],
  ["2026-09-01", "2026-10-01"],
] as const;
const NAMES = { [LAMBDA]: 60, [EC2]: 40 };
const UNNAMED = 10;
/** Quarter-dollar amounts add up exactly in binary floating point. */
const amountOf = (i: number) => (i + 1) * 0.25;

const costs = MONTHS.flatMap(([start, end]) =>
  Object.entries(NAMES).flatMap(([service, count]) => [
    ...Array.from({ length: count }, (_, i) => ({
      start,
      end,
      service,
      amount: amountOf(i),
      name: `${service}-${i}`,
    })),
    { start, end, service, amount: UNNAMED },
  ]),
);

let world: World;
beforeAll(async () => {
  world = await startWorld([acmeAccount({ costs })]);
});
afterAll(() => world.stop());
afterEach(() => {
  world.sandbox.setFaults({});
  world.sandbox.resetCounters();
});

const fetch = (role: "full" | "probesOnly" = "full", services?: string[]) =>
  fetchCostAndUsage({
    config: world.config,
    credentials: credentialsOf(world, ACME, role),
    timePeriod: { Start: "2026-08-01", End: "2026-10-01" },
    ...(services ? { services } : {}),
  });

const expectedTotal = (count: number) =>
  MONTHS.length * (Array.from({ length: count }, (_, i) => amountOf(i)).reduce((a, b) => a + b, 0) + UNNAMED);

describe("fetchCostAndUsage", () => {
  it("follows NextPageToken to the end, in us-east-1, and core parses exact totals", async () => {
    const results = await fetch();
    // 2 months × (61 + 41 groups) = 204 groups at 50 a page.
    expect(callsIn(world.sandbox, ACME.accountId, "us-east-1", "ce:GetCostAndUsage")).toBe(5);
    expect(results.flatMap((r) => r.Groups ?? [])).toHaveLength(204);

    const data = costDataFromCostExplorer(results);
    expect(data.period).toEqual({ start: "2026-08-01", end: "2026-10-01" });
    expect(data.by_service).toEqual({ [LAMBDA]: expectedTotal(60), [EC2]: expectedTotal(40) });
    expect(Object.keys(data.by_service_name_tag[LAMBDA] ?? {})).toHaveLength(60);
    expect(data.by_service_name_tag[LAMBDA]?.[`${LAMBDA}-59`]).toBe(MONTHS.length * amountOf(59));
    expect(data.by_service_name_tag[EC2]?.[`${EC2}-0`]).toBe(MONTHS.length * amountOf(0));
  });

  it("filters on services", async () => {
    const data = costDataFromCostExplorer(await fetch("full", [EC2]));
    expect(data.by_service).toEqual({ [EC2]: expectedTotal(40) });
  });

  it("classifies a denied call, naming the action", async () => {
    const error = await fetch("probesOnly").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsReadError);
    expect(error).toMatchObject({ code: "ACCESS_DENIED", details: { actions: ["ce:GetCostAndUsage"] } });
    expect((error as Error).message).toContain("ce:GetCostAndUsage");
    expect((error as Error).message).not.toContain("is not authorized");
  });

  it("classifies a server failure as retryable", async () => {
    world.sandbox.setFaults({ failing_operations: ["ce:GetCostAndUsage"] });
    await expect(fetch()).rejects.toMatchObject({ code: "UNKNOWN", details: { retryable: true } });
  });
});
