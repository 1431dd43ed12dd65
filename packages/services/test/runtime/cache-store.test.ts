// The CacheStore contract, run against the in-memory store and real Redis.
import { describe, expect, it } from "vitest";
import { STORE_KINDS, useStore } from "./fixtures";

describe.each(STORE_KINDS)("CacheStore on %s", (kind) => {
  const fixture = useStore(kind);

  it("misses an absent key, returns what was set, and overwrites", async () => {
    const { store, ns } = fixture();
    expect(await store.get(`${ns}a`)).toBeNull();
    expect(await store.set(`${ns}a`, "one", 60)).toBe(true);
    expect(await store.get(`${ns}a`)).toBe("one");
    await store.set(`${ns}a`, "two", 60);
    expect(await store.get(`${ns}a`)).toBe("two");
  });

  it("forgets a value when its TTL has passed", async () => {
    const { store, ns, elapse } = fixture();
    await store.set(`${ns}short`, "v", 1);
    await store.set(`${ns}long`, "v", 60);
    await elapse(1_100);
    expect(await store.get(`${ns}short`)).toBeNull();
    expect(await store.get(`${ns}long`)).toBe("v");
  });

  it("deletes one key and leaves the others", async () => {
    const { store, ns } = fixture();
    await store.set(`${ns}a`, "1", 60);
    await store.set(`${ns}b`, "2", 60);
    expect(await store.del(`${ns}a`)).toBe(true);
    expect(await store.get(`${ns}a`)).toBeNull();
    expect(await store.get(`${ns}b`)).toBe("2");
  });

  it("deletes exactly the keys under a prefix, glob characters taken literally", async () => {
    const { store, ns } = fixture();
    await store.set(`${ns}a*b:1`, "x", 60);
    await store.set(`${ns}a*b:2`, "x", 60);
    await store.set(`${ns}aXb:1`, "x", 60);
    await store.set(`${ns}a*c:1`, "x", 60);
    expect(await store.delByPrefix(`${ns}a*b:`)).toBe(2);
    expect(await store.get(`${ns}a*b:1`)).toBeNull();
    expect(await store.get(`${ns}a*b:2`)).toBeNull();
    expect(await store.get(`${ns}aXb:1`)).toBe("x");
    expect(await store.get(`${ns}a*c:1`)).toBe("x");
  });

  it("deletes a prefix holding more keys than one SCAN page", async () => {
    const { store, ns } = fixture();
    await Promise.all(Array.from({ length: 1_200 }, (_, i) => store.set(`${ns}many:${i}`, "x", 60)));
    await store.set(`${ns}other`, "x", 60);
    expect(await store.delByPrefix(`${ns}many:`)).toBe(1_200);
    expect(await store.get(`${ns}many:0`)).toBeNull();
    expect(await store.get(`${ns}many:1199`)).toBeNull();
    expect(await store.get(`${ns}other`)).toBe("x");
  });

  it("refuses to delete by an empty prefix", async () => {
    const { store, ns } = fixture();
    await store.set(`${ns}kept`, "x", 60);
    await expect(store.delByPrefix("")).rejects.toThrow(RangeError);
    expect(await store.get(`${ns}kept`)).toBe("x");
  });

  it("counts with incr, and the window starts at the first increment and is never extended", async () => {
    const { store, ns, elapse } = fixture();
    expect(await store.incr(`${ns}n`, 1)).toBe(1);
    expect(await store.incr(`${ns}n`, 1)).toBe(2);
    await elapse(600);
    // A later increment does not push the expiry out.
    expect(await store.incr(`${ns}n`, 1)).toBe(3);
    await elapse(600);
    expect(await store.incr(`${ns}n`, 1)).toBe(1);
  });

  it("keeps separate counters per key", async () => {
    const { store, ns } = fixture();
    await store.incr(`${ns}a`, 60);
    await store.incr(`${ns}a`, 60);
    expect(await store.incr(`${ns}b`, 60)).toBe(1);
    expect(await store.incr(`${ns}a`, 60)).toBe(3);
  });

  it("answers null when incr meets a value that is not a counter, without reporting an outage", async () => {
    const { store, ns } = fixture();
    await store.set(`${ns}text`, "hello", 60);
    expect(await store.incr(`${ns}text`, 60)).toBeNull();
    expect(store.degraded).toBe(false);
    expect(await store.get(`${ns}text`)).toBe("hello");
  });

  it("rejects a TTL that is not a positive whole number of seconds", async () => {
    const { store, ns } = fixture();
    await expect(store.set(`${ns}a`, "v", 0)).rejects.toThrow(RangeError);
    await expect(store.set(`${ns}a`, "v", 1.5)).rejects.toThrow(RangeError);
    await expect(store.incr(`${ns}a`, -1)).rejects.toThrow(RangeError);
    expect(await store.get(`${ns}a`)).toBeNull();
  });

  it("answers ping and is not degraded", async () => {
    const { store } = fixture();
    expect(await store.ping()).toBe(true);
    expect(store.degraded).toBe(false);
    expect(store.kind).toBe(kind);
  });
});
