// What operations see on /metrics after real MCP traffic from two tenants: per-tool calls, errors by
// code and latency, AWS calls by service, operation and outcome, a guardrail refusal by kind, cache
// hits; and no label value that names a tenant, a key or a secret.
import { CONTROL_PLANE } from "@tagc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, ok, startMcpHarness } from "./harness";
import { ACME, GLOBEX } from "./seed";

let h: McpHarness;
let text: string;

/** The value of one sample line, or 0 when the series does not exist. */
function sample(name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const [series, value] = line.split(/ (?=[^ ]+$)/);
    if (wanted.every((pair) => series?.includes(pair))) return Number(value);
  }
  return 0;
}

beforeAll(async () => {
  h = await startMcpHarness();
  const acme = await h.connect(h.acme.apiKey);
  const globex = await h.connect(h.globex.apiKey);
  const scan = { resource_types: ["all"] };
  // Acme: one cold scan, two warm ones, then the loop detector refuses the fourth identical call.
  for (let i = 0; i < 3; i++) ok(await h.call(acme, "check_tag_compliance", scan));
  expect(errorText(await h.call(acme, "check_tag_compliance", scan))).toMatch(/same|identical|loop/i);
  // Globex: a scan of its own and a call with a bad argument.
  ok(await h.call(globex, "check_tag_compliance", scan));
  expect(errorText(await h.call(globex, "check_tag_compliance", { resource_types: "every" }))).toContain(
    "resource_types",
  );
  const response = await fetch(h.url.replace(/\/mcp$/, "/metrics"));
  expect(response.status).toBe(200);
  text = await response.text();
}, 180_000);
afterAll(() => h?.close());

describe("/metrics after MCP calls from two tenants", () => {
  it("counts tool calls by tool and result code, with a latency histogram", () => {
    const tool = "check_tag_compliance";
    expect(sample("tagc_tool_calls_total", { tool, code: "ok" })).toBe(4);
    expect(sample("tagc_tool_calls_total", { tool, code: "LOOP_DETECTED" })).toBe(1);
    expect(sample("tagc_tool_calls_total", { tool, code: "INVALID_REQUEST" })).toBe(1);
    expect(sample("tagc_tool_call_duration_seconds_count", { tool, code: "ok" })).toBe(4);
    expect(sample("tagc_tool_call_duration_seconds_bucket", { tool, code: "ok", le: "+Inf" })).toBe(4);
    expect(sample("tagc_tool_call_duration_seconds_sum", { tool, code: "ok" })).toBeGreaterThan(0);
  });

  it("counts AWS calls by service, operation and outcome", () => {
    expect(
      sample("tagc_aws_calls_total", { service: "STS", operation: "AssumeRole", outcome: "ok" }),
    ).toBeGreaterThan(0);
    expect(
      sample("tagc_aws_calls_total", {
        service: "ResourceGroupsTaggingAPI",
        operation: "GetResources",
        outcome: "ok",
      }),
    ).toBeGreaterThan(0);
    expect(text).not.toMatch(
      /tagc_aws_calls_total\{[^}]*outcome="(?!ok|throttled|access_denied|network|region_disabled|error)/,
    );
  });

  it("counts the loop detector's refusal by kind, and cache hits of the warm calls", () => {
    expect(sample("tagc_guardrail_refusals_total", { kind: "loop" })).toBe(1);
    // Acme's two warm calls read the scan from this process's memo.
    expect(sample("tagc_cache_lookups_total", { cache: "scan", tier: "memory", result: "hit" })).toBe(2);
    expect(sample("tagc_cache_lookups_total", { cache: "scan", tier: "memory", result: "miss" })).toBe(2);
    expect(sample("tagc_cache_lookups_total", { cache: "scan", tier: "shared", result: "miss" })).toBe(2);
  });

  it("names no tenant, key, account or secret anywhere in the output", async () => {
    const keys = [h.acme.apiKey, h.globex.apiKey];
    const forbidden = [
      h.acme.id,
      h.globex.id,
      ACME,
      GLOBEX,
      ...keys,
      ...keys.map((k) => k.slice(0, 16)),
      h.acme.keyId,
      h.globex.keyId,
      h.acme.externalId,
      h.globex.externalId,
      CONTROL_PLANE.access_key_id,
      CONTROL_PLANE.secret_access_key,
      "cli_",
      "key_",
      "tagc_live_",
    ];
    for (const value of forbidden) expect(text).not.toContain(value);
  });
});
