// The 4th identical call within the window is refused; anything else is not.
import { describe, expect, it } from "vitest";
import { tenantCache } from "../../src/cache/tenant-cache";
import { LoopDetector } from "../../src/guardrails/loop-detector";
import { STORE_KINDS, useStore } from "./fixtures";

describe.each(STORE_KINDS)("LoopDetector on %s", (kind) => {
  const fixture = useStore(kind);
  const call = {
    keyId: "key_loop",
    tool: "check_tag_compliance",
    args: { regions: ["eu-west-1"], types: ["all"] },
  };

  it("refuses exactly the 4th identical call, and keeps refusing while it repeats", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    const detector = new LoopDetector();
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await detector.check(cache, call));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
    const refused = verdicts[3]!;
    expect(refused.allowed === false && refused.message).toMatch(/Stop repeating this call/);
    expect(refused.allowed === false && refused.message).toMatch(
      /check_tag_compliance was called 4 times with the same arguments within 5 minutes/,
    );
    expect(refused.allowed === false && refused.message).toMatch(/different arguments/);
  });

  it("treats the same arguments in another key order as the same call", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    const detector = new LoopDetector();
    await detector.check(cache, { ...call, args: { a: 1, b: { c: 2, d: 3 } } });
    await detector.check(cache, { ...call, args: { b: { d: 3, c: 2 }, a: 1 } });
    await detector.check(cache, { ...call, args: { a: 1, b: { c: 2, d: 3 } } });
    expect((await detector.check(cache, { ...call, args: { b: { c: 2, d: 3 }, a: 1 } })).allowed).toBe(false);
  });

  it("allows a call with different arguments, another tool, another session or another tenant", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    const detector = new LoopDetector();
    for (let i = 0; i < 3; i++) await detector.check(cache, call);
    expect(
      await detector.check(cache, { ...call, args: { regions: ["us-east-1"], types: ["all"] } }),
    ).toEqual({
      allowed: true,
      count: 1,
    });
    expect((await detector.check(cache, { ...call, tool: "find_untagged_resources" })).allowed).toBe(true);
    expect((await detector.check(cache, { ...call, sessionId: "session-2" })).allowed).toBe(true);
    expect((await detector.check(cache, { ...call, keyId: "key_other" })).allowed).toBe(true);
    expect((await detector.check(tenantCache(store, newClientId()), call)).allowed).toBe(true);
    expect((await detector.check(cache, call)).allowed).toBe(false);
  });

  it("allows the call again once the window has passed", async () => {
    const { store, newClientId, elapse } = fixture();
    const cache = tenantCache(store, newClientId());
    const detector = new LoopDetector({ windowSeconds: 1 });
    for (let i = 0; i < 3; i++) await detector.check(cache, call);
    expect((await detector.check(cache, call)).allowed).toBe(false);
    await elapse(1_100);
    expect(await detector.check(cache, call)).toEqual({ allowed: true, count: 1 });
  });
});
