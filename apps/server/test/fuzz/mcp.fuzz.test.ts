// The attack run's MCP half, in CI: every tool of tools/list gets arguments generated from its own
// inputSchema (valid-ish and mutated), called through the SDK's Client over real HTTP as one of two
// tenants. Whatever the arguments: no HTTP 5xx or transport error, no internal failure, no internals
// in the answer, every refusal naming an argument, and no answer carrying the other tenant's
// identifiers. Seeded (FUZZ_SEED) so a failure replays; fast-check prints seed and path.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { McpError, type Tool } from "@modelcontextprotocol/sdk/types.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type McpHarness, type McpTenant, startMcpHarness } from "../mcp/harness";
import { expectNoForeignData, expectNoLeak, FUZZ, failureReport } from "./checks";
import { type JsonSchema, mutated, validish } from "./schema-arbitrary";

// A session's tool-call budget is 100; a fresh session well before that keeps the guardrail out of the way.
const CALLS_PER_SESSION = 60;

interface Caller {
  tenant: McpTenant;
  other: McpTenant;
  client?: Client;
  calls: number;
}

let h: McpHarness;
let tools: Tool[];
let callers: Caller[];

beforeAll(async () => {
  const generous = { limit: 1_000_000, windowMs: 60_000 };
  h = await startMcpHarness({ limits: { apiKey: generous, client: generous, awsRegion: generous } });
  callers = [
    { tenant: h.acme, other: h.globex, calls: 0 },
    { tenant: h.globex, other: h.acme, calls: 0 },
  ];
  tools = (await (await h.connect(h.acme.apiKey)).listTools()).tools;
}, 120_000);
afterAll(() => h?.close());

async function clientOf(caller: Caller): Promise<Client> {
  if (!caller.client || caller.calls >= CALLS_PER_SESSION) {
    await caller.client?.close();
    caller.client = await h.connect(caller.tenant.apiKey);
    caller.calls = 0;
  }
  caller.calls++;
  return caller.client;
}

const markers = (t: McpTenant) => [t.id, t.externalId, t.keyId, t.roleArn, t.accountId];

interface Call {
  caller: 0 | 1;
  args: Record<string, unknown>;
  mutation?: string;
  mustReject?: string;
}

async function check(tool: Tool, { caller: index, args, mutation, mustReject }: Call) {
  const caller = callers[index] as Caller;
  const sent = JSON.stringify(args) ?? "";
  const names = new Set([...Object.keys(tool.inputSchema.properties ?? {}), ...Object.keys(args)]);
  const where = `${tool.name} as ${caller.tenant.slug} (${mutation ?? "valid-ish"}) ${sent.slice(0, 300)}`;
  try {
    let text: string;
    let isError: boolean;
    // The edge refuses a body past its depth or size limit as a whole, before JSON-RPC reads it.
    let refusedWhole = false;
    try {
      const result = await (await clientOf(caller)).callTool({ name: tool.name, arguments: args });
      const content = (result.content ?? []) as { type: string; text?: string }[];
      text = `${content.map((c) => c.text ?? "").join("\n")}\n${JSON.stringify(result.structuredContent ?? null)}`;
      isError = result.isError === true;
    } catch (error) {
      // A JSON-RPC error is an acceptable refusal, and so is the edge's 400/413 for a body nested too
      // deep or too large (a JSON-RPC error body); an HTTP 5xx or a broken transport is not.
      const limit = /^Streamable HTTP error: .*"Request body (nested deeper|larger) than [^"]+"/;
      refusedWhole = !(error instanceof McpError) && limit.test((error as Error).message);
      if (!(error instanceof McpError) && !refusedWhole) {
        const cause = (error as Error).cause;
        throw new Error(
          `transport failure: ${(error as Error).message} ${cause instanceof Error ? cause.message : ""}`,
        );
      }
      // The SDK checks structuredContent against the tool's outputSchema: a mismatch is the server's bug.
      if (error instanceof McpError && /output schema/i.test(error.message))
        throw new Error(`result breaks the output schema: ${error.message}`);
      text = (error as Error).message;
      isError = true;
    }
    expectNoLeak(text, sent);
    expectNoForeignData(text, sent, markers(caller.other), caller.tenant.slug);
    if (isError) {
      if (/internal error/i.test(text)) throw new Error(`an internal failure: ${text.slice(0, 300)}`);
      // A refusal that names a field ("filters.regions: …") names one of this tool's arguments.
      const field = text.match(/^([^\s:;"]+): /)?.[1];
      if (field && !names.has(field.split(/[.[]/)[0] ?? field))
        throw new Error(`a refusal naming ${field}, not an argument: ${text.slice(0, 300)}`);
    }
    if (mustReject) {
      const field = mustReject.split(".").at(-1) as string;
      if (!isError) throw new Error(`arguments the schema forbids (${mustReject}) were accepted`);
      if (!refusedWhole && !text.includes(field))
        throw new Error(`the refusal does not name ${mustReject}: ${text.slice(0, 300)}`);
    }
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

function callArbitrary(tool: Tool): fc.Arbitrary<Call> {
  const schema = tool.inputSchema as JsonSchema;
  const caller = fc.constantFrom(0 as const, 1 as const);
  return fc.oneof(
    fc.record({ caller, args: validish(schema) as fc.Arbitrary<Record<string, unknown>> }),
    fc.tuple(caller, mutated(schema, undefined, 3_000)).map(([c, m]) => ({
      caller: c,
      args: m.value,
      mutation: m.mutation,
      ...(m.mustReject ? { mustReject: m.mustReject } : {}),
    })),
  );
}

describe("MCP fuzz over every tool's inputSchema", () => {
  test("tools/list offers the tools to fuzz", () => {
    expect(tools.length).toBeGreaterThanOrEqual(17);
  });

  test("no arguments reach a 5xx, an internal failure, leaked internals or another tenant", async () => {
    const failures: string[] = [];
    // Every tool runs even when an earlier one fails: the report lists all that broke.
    for (const tool of tools) {
      await fc
        .assert(
          fc.asyncProperty(callArbitrary(tool), (call) => check(tool, call)),
          { seed: FUZZ.seed, numRuns: FUZZ.runs(40), endOnFailure: true },
        )
        .catch((error: Error) => failures.push(failureReport(error)));
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 300_000);
});
