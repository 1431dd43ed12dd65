// checkGuardrails end to end: which check refuses, with what code, message and retry hint; and that
// its counters are keyed by ids and hashes, never by a secret, a session id or argument values.
import { describe, expect, it } from "vitest";
import { checkGuardrails, type GuardrailInput } from "../../src/guardrails/check";
import { createGuardrailLimiters, type GuardrailLimits } from "../../src/guardrails/limiters";
import { LoopDetector } from "../../src/guardrails/loop-detector";
import { SessionBudget } from "../../src/guardrails/session-budget";
import { redisKeys, STORE_KINDS, type StoreFixture, useStore } from "./fixtures";

const LIMITS: GuardrailLimits = {
  apiKey: { limit: 200, windowMs: 60_000 },
  client: { limit: 300, windowMs: 60_000 },
  awsRegion: { limit: 200, windowMs: 60_000 },
};

function guard(f: StoreFixture, limits: Partial<GuardrailLimits> = {}, clientId = f.newClientId()) {
  const limiters = createGuardrailLimiters({
    ...(f.kind === "redis" ? { redis: f.redis, prefix: `${f.ns}rl:` } : {}),
    limits: { ...LIMITS, ...limits },
    now: f.clock.nowMs,
  });
  return (overrides: Partial<GuardrailInput> = {}) =>
    checkGuardrails({
      store: f.store,
      limiters,
      budget: new SessionBudget(),
      loop: new LoopDetector(),
      clientId,
      keyId: "key_main",
      tool: "check_tag_compliance",
      args: {},
      now: f.clock.nowMs,
      ...overrides,
    });
}

describe.each(STORE_KINDS)("checkGuardrails on %s", (kind) => {
  const fixture = useStore(kind);

  it("lets an ordinary call through", async () => {
    expect(await guard(fixture())({ args: { regions: ["eu-west-1"] } })).toEqual({ ok: true });
  });

  it("refuses the API key over its rate limit with a retry hint, while the client's other keys go on", async () => {
    const check = guard(fixture(), { apiKey: { limit: 2, windowMs: 30_000 } });
    await check({ args: { i: 1 } });
    await check({ args: { i: 2 } });
    const refused = await check({ args: { i: 3 } });
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    if (refused.ok) throw new Error("expected a refusal");
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(refused.message).toMatch(/this API key .*at most 2 per 30 seconds.*Wait \d+ seconds/);
    expect(await check({ keyId: "key_other", args: { i: 4 } })).toEqual({ ok: true });
  });

  it("refuses every key of a client over the client's limit", async () => {
    const check = guard(fixture(), { client: { limit: 3, windowMs: 60_000 } });
    await check({ keyId: "key_1", args: { i: 1 } });
    await check({ keyId: "key_2", args: { i: 2 } });
    await check({ keyId: "key_3", args: { i: 3 } });
    const refused = await check({ keyId: "key_4", args: { i: 4 } });
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(!refused.ok && refused.message).toMatch(/across all API keys/);
  });

  it("refuses the 4th identical call as a loop, not a call with other arguments", async () => {
    const check = guard(fixture());
    const args = { resource_types: ["ec2:instance"], regions: ["eu-west-1"] };
    for (let i = 0; i < 3; i++) expect(await check({ args })).toEqual({ ok: true });
    expect(await check({ args: { ...args, regions: ["us-east-1"] } })).toEqual({ ok: true });
    const refused = await check({ args: { regions: ["eu-west-1"], resource_types: ["ec2:instance"] } });
    expect(refused).toMatchObject({ ok: false, code: "LOOP_DETECTED" });
    expect(!refused.ok && refused.message).toMatch(/Stop repeating/);
    expect(refused).not.toHaveProperty("retryAfterSeconds");
  });

  it("refuses the 101st call of a session", async () => {
    const check = guard(fixture());
    for (let i = 1; i <= 100; i++) {
      const result = await check({ sessionId: "sess-1", args: { page: i } });
      if (!result.ok) throw new Error(`call ${i} was refused: ${result.message}`);
    }
    const refused = await check({ sessionId: "sess-1", args: { page: 101 } });
    expect(refused).toMatchObject({ ok: false, code: "SESSION_BUDGET" });
    expect(await check({ sessionId: "sess-2", args: { page: 101 } })).toEqual({ ok: true });
  });

  it("gives the per-hour budget's reset time as the retry hint without a session", async () => {
    const f = fixture();
    const check = guard(f);
    const budget = new SessionBudget({ calls: 1 });
    expect(await check({ budget, args: { i: 1 } })).toEqual({ ok: true });
    const refused = await check({ budget, args: { i: 2 } });
    // The fixture clock stands at 10:30:00.
    expect(refused).toMatchObject({ ok: false, code: "SESSION_BUDGET", retryAfterSeconds: 1_800 });
  });

  it("uses custom loop settings when given", async () => {
    const check = guard(fixture());
    const loop = new LoopDetector({ maxIdentical: 1 });
    expect(await check({ loop, args: { same: true } })).toEqual({ ok: true });
    expect(await check({ loop, args: { same: true } })).toMatchObject({ ok: false, code: "LOOP_DETECTED" });
  });
});

describe("checkGuardrails keys in Redis", () => {
  const fixture = useStore("redis");

  it("keys counters by ids and hashes: no session id or argument value appears in a key", async () => {
    const f = fixture();
    const clientId = f.newClientId();
    const check = guard(f, {}, clientId);
    const sessionId = "session-visible-7f3a";
    const args = { note: "arg-value-9c2e", regions: ["eu-west-1"] };
    await check({ sessionId, args });
    const counters = await redisKeys(f.redis, `${f.ns}rl:`);
    const mine = await redisKeys(f.redis, `client:${clientId}:`);
    expect(counters.map((k) => k.slice(f.ns.length))).toEqual([`rl:client:${clientId}`, "rl:key:key_main"]);
    // One loop counter and one session budget counter, both under the tenant's prefix.
    expect(mine).toHaveLength(2);
    expect(mine.every((k) => k.startsWith(`client:${clientId}:guard:`) && k.includes("key_main"))).toBe(true);
    for (const key of [...counters, ...mine]) {
      expect(key).not.toContain(sessionId);
      expect(key).not.toContain("arg-value-9c2e");
    }
  });
});
