// AWS going wrong in the middle of a session: revocation, throttling, a failing region, a narrowed
// role. Each degrades the answer (a clear error or data_quality partial) and never the other tenant.
import { clients } from "@tagc/db";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, ok, startMcpHarness } from "./harness";

let h: McpHarness;
let acme: Awaited<ReturnType<McpHarness["connect"]>>;
let globex: Awaited<ReturnType<McpHarness["connect"]>>;

beforeAll(async () => {
  h = await startMcpHarness();
  acme = await h.connect(h.acme.apiKey);
  globex = await h.connect(h.globex.apiKey);
}, 120_000);
afterAll(() => h?.close());
afterEach(() => {
  h.sandbox.setFaults({});
});

type Quality = {
  data_quality: {
    status: string;
    issues: { code: string; region?: string; resource_type?: string }[];
    note: string | null;
  };
};

describe("injected faults", () => {
  it("retries throttling transparently and stays complete", async () => {
    h.sandbox.setFaults({ throttle: { next: 2, operations: ["tag:GetResources"] } });
    const r = ok<Quality>(
      await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(r.data_quality.status).toBe("complete");
    expect(h.sandbox.counters().throttled["tag:GetResources"]).toBeGreaterThanOrEqual(2);
  });

  it("reports persistent throttling and a failing region as partial, naming the region", async () => {
    h.sandbox.setFaults({ failing_regions: ["eu-west-1"] });
    const failing = ok<Quality & { total_resources: number }>(
      await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(failing.data_quality.status).toBe("partial");
    expect(failing.data_quality.issues.some((i) => i.region === "eu-west-1")).toBe(true);
    expect(failing.data_quality.note).toContain("Do not present these numbers as account-wide");
    // us-east-1 still answered: i-a1 and i-a2.
    expect(failing.total_resources).toBe(2);

    h.sandbox.setFaults({ throttle: { rate: 1, operations: ["tag:GetResources"] } });
    const throttled = ok<Quality>(
      await h.call(globex, "check_tag_compliance", { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(throttled.data_quality.status).toBe("partial");
    expect(throttled.data_quality.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "THROTTLED", region: "us-east-1" })]),
    );
  }, 60_000);

  it("reports a permission removed from the role as partial naming the type, never a silent zero", async () => {
    h.putRole(h.acme, ["lambda:ListFunctions", "lambda:ListTags", "tag:GetResources"]);
    try {
      const r = ok<Quality & { violations_total: number }>(
        await h.call(acme, "check_tag_compliance", {
          resource_types: ["lambda:function", "s3:bucket"],
          force_refresh: true,
        }),
      );
      expect(r.data_quality.status).toBe("partial");
      expect(r.data_quality.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: "ACCESS_DENIED", resource_type: "lambda:function" }),
        ]),
      );
    } finally {
      h.putRole(h.acme);
    }
  });
});

describe("DescribeRegions failing", () => {
  it("answers partial over the last successful discovery's regions, naming the fallback; the other tenant never gets them", async () => {
    ok(await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:instance"] }));
    h.sandbox.setFaults({ failing_operations: ["ec2:DescribeRegions"] });
    // The fresh answer (kept an hour) has expired for both tenants; Globex also has no last-known list.
    await h.store.del(`client:${h.acme.id}:regions:${h.acme.accountId}`);
    await h.store.del(`client:${h.globex.id}:regions:${h.globex.accountId}`);
    await h.store.del(`client:${h.globex.id}:regions-last:${h.globex.accountId}`);
    const r = ok<Quality & { compliance_score: number; regions: string[] }>(
      await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(r.data_quality.status).toBe("partial");
    expect(r.regions).toEqual(["eu-west-1", "us-east-1"]);
    expect(r.data_quality.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "REGIONS_FALLBACK",
          message: expect.stringMatching(
            /^ec2:DescribeRegions failed .*; scanned the regions of the last successful discovery: eu-west-1, us-east-1\.$/,
          ),
        }),
      ]),
    );
    const g = ok<Quality & { regions: string[] }>(
      await h.call(globex, "check_tag_compliance", { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(g.data_quality.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "REGIONS_FALLBACK",
          message: expect.stringContaining("AWS's default regions"),
        }),
      ]),
    );
    expect(g.regions).toContain("sa-east-1");
    expect(JSON.stringify(g)).not.toContain(h.acme.accountId);
  });
});

describe("revocation in the middle of a session", () => {
  it("answers no score and the reason on the call that finds the role deleted, marks the client, fails later calls, and leaves the other client alone", async () => {
    ok(await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:instance"] }));
    h.sandbox.deleteRole(h.acme.accountId, h.acme.roleName);
    const revoked = ok<Quality & { compliance_score: number | null; score_reason: string | null }>(
      await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:volume"] }),
    );
    // Never 1 over nothing read: no score, and why.
    expect(revoked.compliance_score).toBeNull();
    expect(revoked.score_reason).toMatch(
      new RegExp(`^No resources could be read: AssumeRole was denied in account ${h.acme.accountId}\\.`),
    );
    expect(revoked.data_quality.issues).toEqual([
      expect.objectContaining({
        code: "ACCESS_REVOKED",
        message: expect.stringMatching(/^Access revoked — re-deploy the stack\./),
      }),
    ]);
    const [row] = await h.services.db.select().from(clients).where(eq(clients.id, h.acme.id));
    expect(row?.status).toBe("revoked");
    // Every later call says so at once, without touching AWS.
    h.sandbox.resetCounters();
    expect(errorText(await h.call(acme, "find_untagged_resources", { resource_types: ["all"] }))).toMatch(
      /^Access revoked/,
    );
    expect(h.sandbox.counters().total).toBe(0);
    // Globex is untouched.
    expect(
      ok<{ compliance_score: number }>(
        await h.call(globex, "check_tag_compliance", {
          resource_types: ["ec2:instance"],
          force_refresh: true,
        }),
      ).compliance_score,
    ).toBe(0.5);
  });
});
