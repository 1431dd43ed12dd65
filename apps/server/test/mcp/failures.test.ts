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

describe("revocation in the middle of a session", () => {
  it("fails the next call with the revoked message, marks the client, and leaves the other client alone", async () => {
    ok(await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:instance"] }));
    h.sandbox.deleteRole(h.acme.accountId, h.acme.roleName);
    const revoked = await h.call(acme, "check_tag_compliance", { resource_types: ["ec2:volume"] });
    expect(errorText(revoked)).toMatch(/^Access revoked — re-deploy the stack\./);
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
