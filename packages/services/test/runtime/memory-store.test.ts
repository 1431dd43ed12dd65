// What only the in-memory store has to prove: it stays bounded and its TTLs follow the injected clock.
import { describe, expect, it } from "vitest";
import { MemoryCacheStore } from "../../src/cache/memory-store";
import { manualClock } from "./fixtures";

describe("MemoryCacheStore", () => {
  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const store = new MemoryCacheStore({ maxEntries: 3 });
    await store.set("a", "1", 60);
    await store.set("b", "2", 60);
    await store.set("c", "3", 60);
    // Reading `a` makes `b` the least recently used.
    expect(await store.get("a")).toBe("1");
    await store.set("d", "4", 60);
    expect(store.size).toBe(3);
    expect(await store.get("b")).toBeNull();
    expect(await store.get("a")).toBe("1");
    expect(await store.get("c")).toBe("3");
    expect(await store.get("d")).toBe("4");
  });

  it("keeps setData's object itself: one copy, its JSON for text reads, never a counter", async () => {
    const store = new MemoryCacheStore();
    const scan = { resources: [{ arn: "arn:aws:s3:::a", tags: { team: "x" } }], scanned_at: "now" };
    expect(await store.setData("scan", scan, 60)).toBe(true);
    const hit = await store.getData("scan");
    expect(hit?.value).toBe(scan);
    expect(await store.get("scan")).toBe(JSON.stringify(scan));
    expect(await store.incr("scan", 60)).toBeNull();
    expect((await store.getData("scan"))?.value).toBe(scan);
    // Text entries read as data are parsed; unreadable text is a miss, as JSON nothing is refused.
    await store.set("text", '{"a":1}', 60);
    expect((await store.getData("text"))?.value).toEqual({ a: 1 });
    await store.set("broken", "{", 60);
    expect(await store.getData("broken")).toBeNull();
    expect(await store.setData("nothing", undefined, 60)).toBe(false);
    expect(await store.getData("nothing")).toBeNull();
  });

  it("bounds and expires setData entries like text ones", async () => {
    const clock = manualClock();
    const store = new MemoryCacheStore({ maxEntries: 2, now: clock.nowMs });
    await store.setData("a", { n: 1 }, 2);
    await store.setData("b", { n: 2 }, 60);
    // Reading `a` makes `b` the least recently used.
    expect((await store.getData("a"))?.value).toEqual({ n: 1 });
    await store.set("c", "3", 60);
    expect(await store.getData("b")).toBeNull();
    clock.advance(2_000);
    expect(await store.getData("a")).toBeNull();
    expect(store.size).toBe(1);
  });

  it("expires an entry exactly when its TTL has passed on the injected clock", async () => {
    const clock = manualClock();
    const store = new MemoryCacheStore({ now: clock.nowMs });
    await store.set("k", "v", 2);
    clock.advance(1_999);
    expect(await store.get("k")).toBe("v");
    clock.advance(1);
    expect(await store.get("k")).toBeNull();
    expect(store.size).toBe(0);
  });

  it("does not count expired entries in delByPrefix", async () => {
    const clock = manualClock();
    const store = new MemoryCacheStore({ now: clock.nowMs });
    await store.set("p:old", "v", 1);
    clock.advance(1_000);
    await store.set("p:new", "v", 60);
    expect(await store.delByPrefix("p:")).toBe(1);
    expect(store.size).toBe(0);
  });

  it("rejects a maxEntries that is not a positive integer", () => {
    expect(() => new MemoryCacheStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
