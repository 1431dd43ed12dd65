// getUsage: one tenant's month of metering (usage_events) and tool calls (api_key audit rows), with
// quota and remaining per tier. Both tenants have data in the same month; each sees only its own.
import { auditEvents, usageEvents } from "@tagc/db";
import { describe, expect, it } from "vitest";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, type Harness, KINDS, serviceError, useHarness } from "./harness";
import { getUsage, issueApiKey, MONTHLY_RESOURCE_QUOTA } from "./verbs";

const PERIOD = "2026-10";
const IN_PERIOD = new Date("2026-10-15T12:00:00.000Z");

describe.each(KINDS)("getUsage on %s", (kind) => {
  const harness = useHarness(kind);

  async function scan(h: Harness, clientId: string, period: string, regions: string[]) {
    await h.db.insert(usageEvents).values({
      clientId,
      period,
      kind: "scan",
      idempotencyKey: `scan:${clientId}:${Math.random()}`,
      metadata: { regions },
    });
  }

  async function resources(h: Harness, clientId: string, period: string, count: number) {
    const rows = Array.from({ length: count }, (_, i) => ({
      clientId,
      period,
      kind: "resource" as const,
      idempotencyKey: `resource:${clientId}:${period}:arn:aws:ec2:us-east-1:${i}`,
    }));
    // Batches keep each statement's parameter count small.
    for (let i = 0; i < rows.length; i += 500) await h.db.insert(usageEvents).values(rows.slice(i, i + 500));
  }

  async function toolCalls(
    h: Harness,
    clientId: string,
    keyId: string,
    operation: string,
    n: number,
    at = IN_PERIOD,
  ) {
    for (let i = 0; i < n; i++) {
      await h.db.insert(auditEvents).values({
        clientId,
        apiKeyId: keyId,
        actor: "api_key",
        operation,
        outcome: "ok",
        durationMs: 12,
        requestId: `req_${operation}_${i}`,
        createdAt: at,
      });
    }
  }

  it("counts only the caller's scans, resources, regions and tool calls, with quota per tier", async () => {
    const h = harness();
    h.clock.reset(IN_PERIOD);
    const acme = await h.onboard("Acme", ACME_ACCOUNT, "professional");
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT, "starter");
    const initech = await h.onboard("Initech", GLOBEX_ACCOUNT, "enterprise");
    const acmeKey = await issueApiKey({ ctx: await h.ctxFor(acme.id), input: { name: "mcp" } });
    const globexKey = await issueApiKey({ ctx: await h.ctxFor(globex.id), input: { name: "mcp" } });

    await scan(h, acme.id, PERIOD, ["us-east-1", "eu-west-1"]);
    await scan(h, acme.id, PERIOD, ["us-east-1"]);
    await scan(h, acme.id, PERIOD, ["ap-south-1"]);
    await scan(h, acme.id, "2026-09", ["sa-east-1"]);
    await resources(h, acme.id, PERIOD, 7);
    await resources(h, acme.id, "2026-09", 40);
    await toolCalls(h, acme.id, acmeKey.id, "check_tag_compliance", 3);
    await toolCalls(h, acme.id, acmeKey.id, "find_untagged_resources", 1);
    await toolCalls(h, acme.id, acmeKey.id, "check_tag_compliance", 5, new Date("2026-09-30T23:59:59.999Z"));
    await toolCalls(h, acme.id, acmeKey.id, "check_tag_compliance", 2, new Date("2026-11-01T00:00:00.000Z"));

    await scan(h, globex.id, PERIOD, ["eu-central-1"]);
    await scan(h, globex.id, PERIOD, ["eu-central-1", "us-east-1"]);
    await resources(h, globex.id, PERIOD, 1_200);
    await toolCalls(h, globex.id, globexKey.id, "check_tag_compliance", 2);
    await toolCalls(h, globex.id, globexKey.id, "suggest_tags", 4);

    const acmeUsage = await getUsage({ ctx: await h.ctxFor(acme.id), input: { period: PERIOD } });
    expect(acmeUsage).toEqual({
      client_id: acme.id,
      period: PERIOD,
      tier: "professional",
      scans: 3,
      unique_resources: 7,
      regions_covered: ["ap-south-1", "eu-west-1", "us-east-1"],
      // Admin operations of the month (registration, key issue) are not tool calls.
      tool_calls: { check_tag_compliance: 3, find_untagged_resources: 1 },
      quota: { unique_resources: MONTHLY_RESOURCE_QUOTA.professional, remaining: 10_000 - 7 },
    });
    // The clock's month is the default period.
    expect(await getUsage({ ctx: await h.ctxFor(acme.id), input: {} })).toEqual(acmeUsage);

    const globexUsage = await getUsage({ ctx: await h.ctxFor(globex.id), input: { period: PERIOD } });
    expect(globexUsage).toEqual({
      client_id: globex.id,
      period: PERIOD,
      tier: "starter",
      scans: 2,
      unique_resources: 1_200,
      regions_covered: ["eu-central-1", "us-east-1"],
      tool_calls: { check_tag_compliance: 2, suggest_tags: 4 },
      // Over quota: remaining is zero, never negative.
      quota: { unique_resources: 1_000, remaining: 0 },
    });
    expect(JSON.stringify(globexUsage)).not.toContain(acme.id);

    const initechUsage = await getUsage({ ctx: await h.ctxFor(initech.id), input: { period: PERIOD } });
    expect(initechUsage).toMatchObject({
      scans: 0,
      unique_resources: 0,
      regions_covered: [],
      tool_calls: {},
      quota: { unique_resources: null, remaining: null },
    });

    expect(await getUsage({ ctx: await h.ctxFor(acme.id), input: { period: "2026-09" } })).toMatchObject({
      scans: 1,
      unique_resources: 40,
      regions_covered: ["sa-east-1"],
      tool_calls: { check_tag_compliance: 5 },
    });
  });

  it.each(["2026-13", "2026-00", "2026-1", "26-10", "October", "2026-10-01", ""])(
    "rejects the period %j naming `period`",
    async (period) => {
      const h = harness();
      const acme = await h.onboard("Acme", ACME_ACCOUNT);
      await h.onboard("Globex", GLOBEX_ACCOUNT);
      const error = await serviceError(getUsage({ ctx: await h.ctxFor(acme.id), input: { period } }));
      expect(error).toMatchObject({ code: "INVALID_REQUEST", details: { field: "period" } });
      expect(error.message).toMatch(/^period: /);
    },
  );
});
