// 100 tool calls per MCP session, or per API key and clock hour when there is no session.
import { describe, expect, it } from "vitest";
import { tenantCache } from "../../src/cache/tenant-cache";
import { SessionBudget } from "../../src/guardrails/session-budget";
import { STORE_KINDS, useStore } from "./fixtures";

const HOUR = 3_600_000;

describe.each(STORE_KINDS)("SessionBudget on %s", (kind) => {
  const fixture = useStore(kind);

  it("allows 100 calls in a session and refuses the 101st without a retry time", async () => {
    const { store, newClientId, clock } = fixture();
    const cache = tenantCache(store, newClientId());
    const budget = new SessionBudget();
    const caller = { keyId: "key_a", sessionId: "mcp-session-1", now: clock.nowMs() };
    for (let i = 1; i <= 100; i++)
      expect(await budget.consume(cache, caller)).toEqual({ allowed: true, used: i });
    const refused = await budget.consume(cache, caller);
    expect(refused.allowed).toBe(false);
    expect(refused).not.toHaveProperty("retryAfterSeconds");
    expect(refused.allowed === false && refused.message).toMatch(
      /session has used its budget of 100 tool calls/,
    );
    // Another session of the same key has its own budget.
    expect(await budget.consume(cache, { ...caller, sessionId: "mcp-session-2" })).toEqual({
      allowed: true,
      used: 1,
    });
  });

  it("counts per API key and clock hour without a session, and says when it resets", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    const budget = new SessionBudget({ calls: 5 });
    const now = Date.UTC(2025, 5, 15, 10, 45, 30);
    for (let i = 0; i < 5; i++)
      expect((await budget.consume(cache, { keyId: "key_a", now })).allowed).toBe(true);
    const refused = await budget.consume(cache, { keyId: "key_a", now });
    // 14 minutes 30 seconds to 11:00.
    expect(refused).toMatchObject({ allowed: false, used: 6, retryAfterSeconds: 870 });
    expect(refused.allowed === false && refused.message).toMatch(/resets in 15 minutes/);
    expect((await budget.consume(cache, { keyId: "key_b", now })).allowed).toBe(true);
    expect(await budget.consume(cache, { keyId: "key_a", now: now + HOUR })).toEqual({
      allowed: true,
      used: 1,
    });
  });

  it("keeps one tenant's budget apart from another's", async () => {
    const { store, newClientId, clock } = fixture();
    const budget = new SessionBudget({ calls: 1 });
    const caller = { keyId: "key_same", sessionId: "same-session", now: clock.nowMs() };
    const acme = tenantCache(store, newClientId());
    await budget.consume(acme, caller);
    expect((await budget.consume(acme, caller)).allowed).toBe(false);
    expect((await budget.consume(tenantCache(store, newClientId()), caller)).allowed).toBe(true);
  });
});
