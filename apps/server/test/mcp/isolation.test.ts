// Tenant isolation under load: no ARN, cache entry, audit row or usage event of one client ever
// appears for the other, including under 200 interleaved concurrent calls from both.
import { auditEvents, usageEvents } from "@tagc/db";
import { CONTROL_PLANE } from "@tagc/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type McpHarness, ok, startMcpHarness } from "./harness";
import { ACME, GLOBEX } from "./seed";

let h: McpHarness;
const unlimited = { limit: 100_000, windowMs: 60_000 };

beforeAll(async () => {
  h = await startMcpHarness({ limits: { apiKey: unlimited, client: unlimited, awsRegion: unlimited } });
}, 120_000);
afterAll(() => h?.close());

/** Every scanning call with a distinct argument set, so the loop detector never sees a repeat. */
function callsFor(count: number) {
  const severities = ["all", "errors_only", "warnings_only"];
  const tools = [
    (i: number) => [
      "check_tag_compliance",
      {
        resource_types: ["all"],
        severity: severities[i % 3],
        cursor: i >= 3 ? Buffer.from(`o:${i}`).toString("base64url") : undefined,
      },
    ],
    (i: number) => ["find_untagged_resources", { resource_types: ["all"], min_cost_threshold: i }],
    (i: number) => [
      "export_violations_csv",
      {
        resource_types: ["all"],
        columns: [
          ["resource_arn"],
          ["resource_arn", "tag_name"],
          ["resource_arn", "severity"],
          ["resource_arn", "region"],
          ["resource_arn", "account_id"],
          ["resource_arn", "violation_type"],
        ][i % 6],
        severity: severities[Math.floor(i / 6) % 3],
      },
    ],
    (i: number) => [
      "get_cost_attribution_gap",
      {
        resource_types: ["all"],
        group_by: ["resource_type", "region", "account", "service"][i % 4],
        time_period: { Start: `2026-10-${String(10 + (i % 15)).padStart(2, "0")}`, End: "2026-11-10" },
      },
    ],
  ] as const;
  return Array.from({ length: count }, (_, i) => tools[i % tools.length]!(Math.floor(i / tools.length)));
}

describe("under 200 interleaved concurrent calls", () => {
  it("each client only ever sees its own account", async () => {
    const [acmeKeys, globexKeys] = [[h.acme.apiKey], [h.globex.apiKey]];
    for (let i = 0; i < 3; i++) {
      acmeKeys.push((await h.issueKey(h.acme)).secret);
      globexKeys.push((await h.issueKey(h.globex)).secret);
    }
    const acmeClients = await Promise.all(acmeKeys.map((k) => h.connect(k)));
    const globexClients = await Promise.all(globexKeys.map((k) => h.connect(k)));
    const jobs = [
      ...callsFor(100).map(([name, args], i) => ({
        who: "acme",
        client: acmeClients[Math.floor(i / 4) % 4]!,
        name,
        args,
      })),
      ...callsFor(100).map(([name, args], i) => ({
        who: "globex",
        client: globexClients[Math.floor(i / 4) % 4]!,
        name,
        args,
      })),
    ].sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      jobs.map(async (job) => ({
        job,
        result: await h.call(job.client, job.name as string, job.args as Record<string, unknown>),
      })),
    );

    for (const { job, result } of results) {
      const text = JSON.stringify(result);
      expect(result.isError, `${job.who} ${job.name}: ${text.slice(0, 300)}`).toBeFalsy();
      const [own, other] = job.who === "acme" ? [ACME, GLOBEX] : [GLOBEX, ACME];
      expect(text).not.toContain(other);
      if (job.name === "check_tag_compliance") expect(text).toContain(own);
    }
    const acmeScores = results
      .filter((r) => r.job.who === "acme" && r.job.name === "check_tag_compliance")
      .map((r) => ok<{ compliance_score: number }>(r.result).compliance_score);
    const globexScores = results
      .filter((r) => r.job.who === "globex" && r.job.name === "check_tag_compliance")
      .map((r) => ok<{ compliance_score: number }>(r.result).compliance_score);
    expect(new Set(acmeScores)).toEqual(new Set([0.4]));
    expect(new Set(globexScores)).toEqual(new Set([0.5]));
  }, 120_000);

  it("keeps each tenant's cache entries under its own prefix, holding only its own ARNs", async () => {
    const keys = await h.redis.keys("client:*");
    const acmeKeys = keys.filter((k) => k.startsWith(`client:${h.acme.id}:`));
    const globexKeys = keys.filter((k) => k.startsWith(`client:${h.globex.id}:`));
    expect(acmeKeys.some((k) => k.includes(":scan:"))).toBe(true);
    expect(globexKeys.some((k) => k.includes(":scan:"))).toBe(true);
    for (const key of acmeKeys) expect((await h.redis.get(key)) ?? "").not.toContain(GLOBEX);
    for (const key of globexKeys) expect((await h.redis.get(key)) ?? "").not.toContain(ACME);
  });

  it("writes audit rows and usage events only under the caller's client", async () => {
    const db = h.services.db;
    // Tool calls' audit rows and warm calls' usage events are batched off the hot path.
    await Promise.all([h.services.audit?.flush(), h.services.usage?.flush()]);
    const acmeAudit = await db.select().from(auditEvents).where(eq(auditEvents.clientId, h.acme.id));
    const globexAudit = await db.select().from(auditEvents).where(eq(auditEvents.clientId, h.globex.id));
    expect(acmeAudit.filter((e) => e.actor === "api_key")).toHaveLength(100);
    expect(globexAudit.filter((e) => e.actor === "api_key")).toHaveLength(100);
    expect(JSON.stringify(acmeAudit)).not.toContain(GLOBEX);
    expect(JSON.stringify(globexAudit)).not.toContain(ACME);
    const acmeUsage = await db.select().from(usageEvents).where(eq(usageEvents.clientId, h.acme.id));
    const globexUsage = await db.select().from(usageEvents).where(eq(usageEvents.clientId, h.globex.id));
    // Unique resources: Acme's 5 scanned (the terminated instance is excluded), Globex's 3.
    expect(acmeUsage.filter((u) => u.kind === "resource")).toHaveLength(5);
    expect(globexUsage.filter((u) => u.kind === "resource")).toHaveLength(3);
    expect(acmeUsage.filter((u) => u.kind === "scan")).toHaveLength(100);
    expect(JSON.stringify(globexUsage)).not.toContain(ACME);
  });

  it("made one AssumeRole per client for all of it", async () => {
    const sts = h.sandbox.counters().by_caller[CONTROL_PLANE.arn]?.["sts:AssumeRole"];
    // Two at onboarding (verify forces a fresh session), none for the 200 calls: the broker's cache serves them.
    expect(sts).toBe(2);
  });

  it("reports the usage on the REST usage view per client", async () => {
    const { getUsage, loadClient } = await import("@tagc/services");
    const admin = { deps: h.services, actor: { kind: "admin" as const, subject: "t" }, requestId: "t" };
    const usage = await getUsage({
      ctx: { ...admin, client: await loadClient(h.services.db, h.globex.id) },
      input: { period: "2026-11" },
    });
    expect(usage).toMatchObject({
      unique_resources: 3,
      scans: 100,
      regions_covered: ["us-east-1"],
      quota: { unique_resources: 1000, remaining: 997 },
    });
    expect(usage.tool_calls.check_tag_compliance).toBe(25);
  });
});
