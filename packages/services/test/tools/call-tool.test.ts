// callTool itself, with no transport: input errors name the field, guardrails refuse with their own
// code, read-only keys cannot change settings, internal failures hide their cause, every call leaves
// exactly one audit row, and the per-(client, account, region) AWS budget is spent by cold scans.
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { getTaggingPolicy } from "../../src/tools/get-tagging-policy";
import { getViolationHistory } from "../../src/tools/get-violation-history";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { failed, ok, useToolsHarness } from "./harness";

describe.each(["postgres", "pglite"] as const)("callTool (%s)", (kind) => {
  const harness = useToolsHarness(kind);

  it("parses the arguments first: a bad field is an INVALID_REQUEST naming it, audited once", async () => {
    const h = harness();
    const error = failed(
      await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], severity: "loud" }),
    );
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).toMatch(/^severity: /);
    const unknown = failed(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], colour: 1 }));
    expect(unknown.message).toMatch(/Unrecognized key.*colour/);
    const rows = await h.audit(h.acme, "check_tag_compliance");
    expect(rows.map((r) => [r.outcome, r.errorCode])).toEqual([
      ["error", "INVALID_REQUEST"],
      ["error", "INVALID_REQUEST"],
    ]);
    expect(rows[1]?.params).toEqual({ resource_types: ["all"], colour: 1 });
    expect(await h.audit(h.globex, "check_tag_compliance")).toEqual([]);
  });

  it("returns the typed output and its summary, and audits the call with the key", async () => {
    const h = harness();
    const outcome = await h.call(h.globex, getTaggingPolicy, {});
    const policy = ok(outcome);
    expect(policy.required_tag_count).toBe(1);
    expect(outcome.ok && outcome.summary).toBe("Policy version 2: 1 required and 0 optional tags.");
    const [row] = await h.audit(h.globex, "get_tagging_policy");
    expect(row).toMatchObject({ actor: "api_key", apiKeyId: h.globex.keyId, outcome: "ok", errorCode: null });
  });

  it("keeps read-only keys from changing settings, but lets them read", async () => {
    const h = harness();
    const read = { scopes: ["mcp:read"] };
    const refused = failed(
      await h.call(h.acme, scheduleComplianceAudit, { schedule: "daily", time: "08:00" }, read),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("read-only (mcp:read)");
    expect(ok(await h.call(h.acme, scheduleComplianceAudit, { action: "list" }, read)).schedules).toEqual([]);
  });

  it("refuses the 4th identical call in a window with LOOP_DETECTED; two spellings are one call", async () => {
    const h = harness();
    const session = { sessionId: `s-${kind}-loop` };
    ok(await h.call(h.globex, getViolationHistory, { group_by: "week" }, session));
    ok(await h.call(h.globex, getViolationHistory, { group_by: ["week"] }, session));
    ok(await h.call(h.globex, getViolationHistory, { group_by: "week" }, session));
    const error = failed(await h.call(h.globex, getViolationHistory, { group_by: ["week"] }, session));
    expect(error.code).toBe("LOOP_DETECTED");
    // Another session of the same key, and the other tenant, are not affected.
    ok(await h.call(h.globex, getViolationHistory, { group_by: "week" }, { sessionId: `s-${kind}-other` }));
    ok(await h.call(h.acme, getViolationHistory, { group_by: "week" }, session));
  });

  it("answers an internal failure generically, with the request id, and hands the cause back", async () => {
    const h = harness();
    const ctx = await h.ctx(h.acme);
    // A database that fails every query: the verb throws something that is not a ServiceError.
    const failing = new Proxy(ctx.deps.db, {
      get: () => () => {
        throw new Error("pg down: secret detail");
      },
    });
    const broken = { ...ctx, deps: { ...ctx.deps, db: failing } };
    const { callTool } = await import("../../src/tools/call-tool");
    const outcome = await callTool(broken, getTaggingPolicy, {});
    const error = failed(outcome);
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toContain(ctx.requestId);
    expect(error.message).not.toContain("secret detail");
    expect(!outcome.ok && String(outcome.cause)).toContain("pg down");
  });
});

describe("the per-(client, account, region) AWS budget", () => {
  const harness = useToolsHarness("postgres", { limits: { awsRegion: { limit: 2, windowMs: 60_000 } } });

  it("skips the regions over budget in a burst of cold scans, names them and the budget; the other client is unaffected", async () => {
    const h = harness();
    const forced = (severity: string) => ({ resource_types: ["all"], force_refresh: true, severity });
    // Acme has two regions; each forced (cold) scan spends one unit in each. Different severities keep
    // the loop detector out of the way: it is not what this test is about.
    for (const severity of ["all", "errors_only"]) {
      expect(ok(await h.call(h.acme, checkTagCompliance, forced(severity))).data_quality.status).toBe(
        "complete",
      );
    }
    const third = ok(await h.call(h.acme, checkTagCompliance, forced("warnings_only")));
    expect(third.data_quality.status).toBe("partial");
    const skipped = third.data_quality.issues.filter((i) => i.code === "RATE_LIMITED");
    expect(skipped.map((i) => i.region).sort()).toEqual(["eu-west-1", "us-east-1"]);
    expect(skipped[0]?.message).toMatch(
      /budget of 2 scans of region (eu-west-1|us-east-1) per minute is spent/,
    );
    // Nothing was read from the skipped regions (global types are read through us-east-1).
    expect(third.total_resources).toBe(0);
    // Globex's budget is its own: Acme's spent one does not touch it.
    for (const severity of ["all", "errors_only"]) {
      expect(ok(await h.call(h.globex, checkTagCompliance, forced(severity))).data_quality.status).toBe(
        "complete",
      );
    }
    // A minute later the budget is back.
    h.clock.advance(61_000);
    expect(ok(await h.call(h.acme, checkTagCompliance, forced("all"))).data_quality.status).toBe("complete");
  });
});
