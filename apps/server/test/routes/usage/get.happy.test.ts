import { auditEvents } from "@tagc/db";
import { TestClock } from "@tagc/testkit";
import { beforeAll, describe, expect, test } from "vitest";
import { type Harness, KINDS } from "../../harness";
import type { UsageBody } from "../../support/api-types";
import { insertUsage } from "../../support/db-state";
import { registerScratchClient } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");

/** What a month of MCP use leaves behind: scan and resource events, and audited tool calls. */
async function seedUsage(h: Harness) {
  const scan = (clientId: string, period: string, n: number, regions: string[]) => ({
    clientId,
    period,
    kind: "scan" as const,
    idempotencyKey: `${clientId}:${period}:scan:${n}`,
    metadata: { regions },
  });
  const resources = (clientId: string, period: string, quantity: number) => ({
    clientId,
    period,
    kind: "resource" as const,
    idempotencyKey: `${clientId}:${period}:resources`,
    quantity,
  });
  await insertUsage(h, [
    scan(h.acme.id, "2026-11", 1, ["us-east-1", "eu-west-1"]),
    scan(h.acme.id, "2026-11", 2, ["us-east-1"]),
    resources(h.acme.id, "2026-11", 1200),
    scan(h.acme.id, "2026-10", 1, ["eu-west-1"]),
    resources(h.acme.id, "2026-10", 7),
    // The other tenant's month must never be counted for acme.
    scan(h.globex.id, "2026-11", 1, ["us-east-1", "ap-south-1"]),
    resources(h.globex.id, "2026-11", 999),
  ]);
  const call = (clientId: string, keyId: string, operation: string, createdAt: string) => ({
    clientId,
    apiKeyId: keyId,
    actor: "api_key" as const,
    operation,
    outcome: "ok" as const,
    durationMs: 12,
    requestId: `req_${operation}`,
    createdAt: new Date(createdAt),
  });
  await h.db
    .insert(auditEvents)
    .values([
      call(h.acme.id, h.acme.keyId, "check_tag_compliance", "2026-11-02T08:00:00Z"),
      call(h.acme.id, h.acme.keyId, "check_tag_compliance", "2026-11-30T23:59:59Z"),
      call(h.acme.id, h.acme.keyId, "find_untagged_resources", "2026-11-15T10:00:00Z"),
      call(h.acme.id, h.acme.keyId, "check_tag_compliance", "2026-12-01T00:00:00Z"),
      call(h.globex.id, h.globex.keyId, "get_cost_attribution_gap", "2026-11-03T00:00:00Z"),
    ]);
}

describe.each(KINDS)("getUsage (%s)", (kind) => {
  const harness = useHarness({ kind, now: new TestClock(NOW).now });
  beforeAll(async () => seedUsage(harness()));

  test("the current month by default: scans, unique resources, regions, tool calls, quota and remaining", async () => {
    const h = harness();
    const response = await h.request<UsageBody>("GET", `/v1/clients/${h.acme.id}/usage`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      client_id: h.acme.id,
      period: "2026-11",
      tier: "professional",
      scans: 2,
      unique_resources: 1200,
      regions_covered: ["eu-west-1", "us-east-1"],
      tool_calls: { check_tag_compliance: 2, find_untagged_resources: 1 },
      quota: { unique_resources: 10_000, remaining: 8_800 },
    });
  });

  test("another month by period", async () => {
    const h = harness();
    const response = await h.request<UsageBody>("GET", `/v1/clients/${h.acme.id}/usage?period=2026-10`);
    expect(response.body).toMatchObject({
      period: "2026-10",
      scans: 1,
      unique_resources: 7,
      regions_covered: ["eu-west-1"],
      tool_calls: {},
      quota: { unique_resources: 10_000, remaining: 9_993 },
    });
    const december = await h.request<UsageBody>("GET", `/v1/clients/${h.acme.id}/usage?period=2026-12`);
    expect(december.body).toMatchObject({
      scans: 0,
      unique_resources: 0,
      tool_calls: { check_tag_compliance: 1 },
    });
  });

  test("each tenant sees only its own usage, against its own tier's quota", async () => {
    const h = harness();
    const response = await h.request<UsageBody>("GET", `/v1/clients/${h.globex.id}/usage`);
    expect(response.body).toEqual({
      client_id: h.globex.id,
      period: "2026-11",
      tier: "starter",
      scans: 1,
      unique_resources: 999,
      regions_covered: ["ap-south-1", "us-east-1"],
      tool_calls: { get_cost_attribution_gap: 1 },
      quota: { unique_resources: 1_000, remaining: 1 },
    });
  });

  test("enterprise is unlimited; a new client has no usage", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { tier: "enterprise" });
    const response = await h.request<UsageBody>("GET", `/v1/clients/${registration.client.id}/usage`);
    expect(response.body).toEqual({
      client_id: registration.client.id,
      period: "2026-11",
      tier: "enterprise",
      scans: 0,
      unique_resources: 0,
      regions_covered: [],
      tool_calls: {},
      quota: { unique_resources: null, remaining: null },
    });
  });
});
