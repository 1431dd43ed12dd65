// Progress and background scans (issue 12): a call that carries a progressToken is answered over SSE
// with notifications/progress while the scan runs; a cold scan that outlives the foreground budget
// answers "still running" with a scan_id at once and goes on; the same call again joins that run and
// returns its complete result, with no second scan; so does a call naming the run's scan_id. Two
// tenants: globex's identical call, or one naming acme's scan_id, never joins acme's run. Slow AWS is the sandbox's injected latency on the Tagging walk.
import type { CallToolResult, Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type McpHarness, ok, startMcpHarness } from "./harness";
import { ACME, GLOBEX } from "./seed";

const FOREGROUND_MS = 3000;
let h: McpHarness;
beforeAll(async () => {
  h = await startMcpHarness({ foregroundMs: FOREGROUND_MS });
}, 120_000);
afterAll(() => h?.close());

interface Running {
  scan_status: "running";
  scan_id: string;
  elapsed_seconds: number;
  retry_after_seconds: number;
  message: string;
}

describe("a scan slower than the caller's wait", () => {
  it("streams progress, answers 'running' within the foreground budget, and the same call returns the full result", async () => {
    const acme = await h.connect(h.acme.apiKey);
    // The listers answer fast (progress), the Tagging walk takes longer than the caller waits.
    h.sandbox.setFaults({ latency_ms: 50, operation_latency_ms: { "tag:GetResources": 5000 } });
    const walksBefore = acmeWalks();
    const progress: Progress[] = [];
    const args = { resource_types: ["all"], force_refresh: true };
    try {
      const started = Date.now();
      const first = await acme.callTool({ name: "check_tag_compliance", arguments: args }, undefined, {
        onprogress: (p) => progress.push(p),
      });
      const waited = Date.now() - started;
      expect(waited).toBeLessThan(FOREGROUND_MS + 2000);
      const running = first.structuredContent as unknown as Running;
      expect(first.isError).toBeFalsy();
      expect(running).toMatchObject({ scan_status: "running", scan_id: expect.any(String) });
      expect(running.message).toMatch(/same arguments/);
      // Progress arrived while the caller waited, counting up, each saying how far the scan got.
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.map((p) => p.progress)).toEqual(
        [...progress.map((p) => p.progress)].sort((a, b) => a - b),
      );
      expect(progress[0]?.message).toMatch(/region tasks done/);

      const globex = await h.connect(h.globex.apiKey);
      const theirs = await globex.callTool({ name: "check_tag_compliance", arguments: args });
      expect(JSON.stringify(theirs)).not.toContain(running.scan_id);
      expect(JSON.stringify(theirs)).not.toContain(ACME);

      // The follow-up joins the run (no new scan) and, once it is done, gets its complete result.
      const again = async () =>
        (await acme.callTool({ name: "check_tag_compliance", arguments: args })) as CallToolResult;
      let result = await again();
      for (let i = 0; i < 10 && (result.structuredContent as { scan_status?: string }).scan_status; i++)
        result = await again();
      const done = ok<{ compliance_score: number; total_resources: number }>(result);
      expect(done).toMatchObject({ compliance_score: 0.4, total_resources: 5 });
      expect(JSON.stringify(done)).not.toContain(GLOBEX);
    } finally {
      h.sandbox.setFaults({});
    }
    // One discovery for acme: the follow-ups joined the run instead of walking again. A single
    // scan of the same call, now fast, makes exactly as many Tagging calls as that whole exchange.
    const exchange = acmeWalks() - walksBefore;
    const single = acmeWalks();
    ok(
      (await acme.callTool({
        name: "check_tag_compliance",
        arguments: { ...args, severity: "all" },
      })) as CallToolResult,
    );
    expect(exchange).toBeGreaterThan(0);
    expect(exchange).toBe(acmeWalks() - single);
  });

  it("joins the run a scan_id names, whatever else changed; another tenant naming it gets its own answer", async () => {
    const acme = await h.connect(h.acme.apiKey);
    h.sandbox.setFaults({ latency_ms: 50, operation_latency_ms: { "tag:GetResources": 5000 } });
    const args = { resource_types: ["all"], force_refresh: true, severity: "errors_only" };
    try {
      const first = await acme.callTool({ name: "check_tag_compliance", arguments: args });
      const running = first.structuredContent as unknown as Running;
      expect(running).toMatchObject({ scan_status: "running", scan_id: expect.any(String) });
      expect(running.message).toContain(`scan_id "${running.scan_id}"`);

      const globex = await h.connect(h.globex.apiKey);
      // globex's own scan (slow too, so likely "running" with an id of its own), never acme's run.
      const theirs = await globex.callTool({
        name: "check_tag_compliance",
        arguments: { resource_types: ["all"], scan_id: running.scan_id },
      });
      expect(theirs.isError).toBeFalsy();
      expect(JSON.stringify(theirs)).not.toContain(running.scan_id);
      expect(JSON.stringify(theirs)).not.toContain(ACME);

      // Other arguments, same id: the same run (a new one would carry a new id), then its result.
      const byId = async () =>
        (await acme.callTool({
          name: "check_tag_compliance",
          arguments: { resource_types: ["all"], scan_id: running.scan_id },
        })) as CallToolResult;
      let result = await byId();
      for (let i = 0; i < 10 && (result.structuredContent as { scan_status?: string }).scan_status; i++) {
        expect((result.structuredContent as unknown as Running).scan_id).toBe(running.scan_id);
        result = await byId();
      }
      expect(ok<{ compliance_score: number; total_resources: number }>(result)).toMatchObject({
        compliance_score: 0.4,
        total_resources: 5,
      });
    } finally {
      h.sandbox.setFaults({});
    }
  });

  it("answers plain JSON, not SSE, when the call asks for no progress", async () => {
    const response = await fetch(h.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${h.acme.apiKey}`,
        "mcp-protocol-version": "2025-06-18",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const withProgress = await fetch(h.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${h.acme.apiKey}`,
        "mcp-protocol-version": "2025-06-18",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "get_tagging_policy", arguments: {}, _meta: { progressToken: "p1" } },
      }),
    });
    expect(withProgress.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(await withProgress.text()).toMatch(/"result"/);
  });
});

/** acme's Tagging API calls so far, over every region. */
function acmeWalks(): number {
  return Object.entries(h.sandbox.counters().by_account_region)
    .filter(([place]) => place.startsWith(`${ACME}/`))
    .reduce((n, [, ops]) => n + (ops["tag:GetResources"] ?? 0), 0);
}
