// Revocation reaches the cache (issue 13): a scan cached before the role was deleted is never served
// again, on any replica. Two replicas with their own process memory (scan memo, credential broker) share
// Postgres and Redis; replica A finds the role deleted and marks the client revoked; replica B, which
// memoised the scan, drops it and the credentials. Globex's cache, on both, is untouched.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { loadClient, verifyClient } from "@tagc/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, ok, startMcpHarness } from "./harness";
import { ACME, GLOBEX } from "./seed";

let h: McpHarness;
let b: Awaited<ReturnType<McpHarness["startReplica"]>>;
const unlimited = { limit: 100_000, windowMs: 60_000 };
/** The identical call of the issue: same tool, same arguments, before and after the role is gone. */
const IDENTICAL = { resource_types: ["ec2:instance"] };

beforeAll(async () => {
  h = await startMcpHarness({ limits: { apiKey: unlimited, client: unlimited, awsRegion: unlimited } });
  b = await h.startReplica({ ownMemory: true });
}, 120_000);
const onReplica: Client[] = [];
afterAll(async () => {
  await Promise.all(onReplica.map((c) => c.close().catch(() => undefined)));
  await b?.close();
  await h?.close();
});

async function connectTo(url: string, apiKey: string): Promise<Client> {
  const client = new Client({ name: "replica-b", version: "1.0.0" });
  onReplica.push(client);
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${apiKey}` } },
    }),
  );
  return client;
}

/** The keys under a prefix in the shared Redis (SCAN, never KEYS). */
async function redisKeys(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, page] = await h.redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    keys.push(...page);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}

/** AWS calls the sandbox saw for `run`: 0 means the answer came from a cache. */
async function awsCallsOf(run: () => Promise<unknown>): Promise<number> {
  h.sandbox.resetCounters();
  await run();
  return h.sandbox.counters().total;
}

describe("a connection turning revoked", () => {
  it("drops its cached scans and credentials on every replica, and leaves the other tenant's alone", async () => {
    // A fresh session per call: the loop detector counts identical calls per session.
    const onA = async (apiKey: string) => h.call(await h.connect(apiKey), "check_tag_compliance", IDENTICAL);
    const onB = async (apiKey: string) =>
      h.call(await connectTo(b.url, apiKey), "check_tag_compliance", IDENTICAL);

    // Both tenants' scans cached: B scans and memoises, A is served from the shared cache, B from memory.
    for (const tenant of [h.acme, h.globex]) {
      expect(await awsCallsOf(async () => ok(await onB(tenant.apiKey)))).toBeGreaterThan(0);
      expect(await awsCallsOf(async () => ok(await onA(tenant.apiKey)))).toBe(0);
      expect(await awsCallsOf(async () => ok(await onB(tenant.apiKey)))).toBe(0);
    }
    expect(await redisKeys(`client:${h.acme.id}:scan:`)).not.toEqual([]);

    // The role is deleted; replica A finds out on a call that reads AWS, and marks the client revoked.
    h.sandbox.deleteRole(h.acme.accountId, h.acme.roleName);
    const a = await h.connect(h.acme.apiKey);
    await h.call(a, "check_tag_compliance", { resource_types: ["ec2:volume"] });
    expect((await loadClient(h.services.db, h.acme.id)).status).toBe("revoked");

    // The identical call is not answered from any cache, on either replica: the clear revoked error.
    for (const run of [onA, onB]) {
      expect(errorText(await run(h.acme.apiKey))).toMatch(/^Access revoked — re-deploy the stack\./);
    }
    // Nothing read through the role is left in the shared cache; Globex's scans are still there.
    expect(await redisKeys(`client:${h.acme.id}:scan:`)).toEqual([]);
    expect(await redisKeys(`client:${h.acme.id}:regions`)).toEqual([]);
    expect(await redisKeys(`client:${h.globex.id}:scan:`)).not.toEqual([]);

    // The customer re-deploys the stack and the client is verified again: the identical call on B must
    // read AWS anew, with a new session, rather than serve the memo taken through the deleted role.
    await h.putRole(h.acme);
    const admin = { deps: h.services, actor: { kind: "admin" as const, subject: "t" }, requestId: "t" };
    const verified = await verifyClient({
      ctx: { ...admin, client: await loadClient(h.services.db, h.acme.id) },
      input: {},
    });
    expect(verified.status).toBe("connected");
    h.sandbox.resetCounters();
    const fresh = ok<{ resources_scanned?: number }>(await onB(h.acme.apiKey));
    const { by_operation: calls } = h.sandbox.counters();
    // A new session (B dropped the deleted role's credentials) and a new discovery (B dropped its memo).
    expect(calls["sts:AssumeRole"]).toBe(1);
    expect(calls["tag:GetResources"]).toBeGreaterThan(0);
    expect(JSON.stringify(fresh)).not.toContain(GLOBEX);

    // Globex was never touched: still served from B's memory and the shared cache, without AWS.
    const globex = await (async () => {
      h.sandbox.resetCounters();
      const result = ok(await onB(h.globex.apiKey));
      return { result, aws: h.sandbox.counters().total };
    })();
    expect(globex.aws).toBe(0);
    expect(JSON.stringify(globex.result)).not.toContain(ACME);
    expect(await awsCallsOf(async () => ok(await onA(h.globex.apiKey)))).toBe(0);
  }, 120_000);
});
