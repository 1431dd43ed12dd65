// The tenant-scoped handle: JSON values, isolation between tenants, clear() at offboarding, and one
// computation per cold key however many callers arrive at once.
import { describe, expect, it } from "vitest";
import { MemoryCacheStore } from "../../src/cache/memory-store";
import { tenantCache } from "../../src/cache/tenant-cache";
import { redisKeys, STORE_KINDS, sleep, useStore } from "./fixtures";

describe.each(STORE_KINDS)("TenantCache on %s", (kind) => {
  const fixture = useStore(kind);

  it("round-trips JSON values and misses absent keys", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    const value = { score: 0.75, regions: ["eu-west-1"], nested: { ok: true, none: null } };
    expect(await cache.getJson("report")).toBeUndefined();
    expect(await cache.setJson("report", value, 60)).toBe(true);
    expect(await cache.getJson("report")).toEqual(value);
    expect(await cache.setJson("nothing", undefined, 60)).toBe(false);
    expect(await cache.getJson("nothing")).toBeUndefined();
  });

  it("shares a value set with setShared: the same object in process memory, its JSON in Redis", async () => {
    const { store, newClientId } = fixture();
    const acme = tenantCache(store, newClientId());
    const globex = tenantCache(store, newClientId());
    const scan = {
      resources: [{ arn: "arn:aws:s3:::acme", tags: {} }],
      scanned_at: "2026-01-01T00:00:00.000Z",
    };
    expect(await acme.getShared("scan:1")).toBeUndefined();
    expect(await acme.setShared("scan:1", scan, 60)).toBe(true);
    const hit = await acme.getShared("scan:1");
    expect(hit).toEqual(scan);
    if (kind === "memory") expect(hit).toBe(scan);
    else expect(hit).not.toBe(scan);
    // A plain JSON read of it sees the same data, as a copy.
    expect(await acme.getJson("scan:1")).toEqual(scan);
    // The other tenant never sees it, under the same key or by clearing its own.
    expect(await globex.getShared("scan:1")).toBeUndefined();
    expect(await globex.getJson("scan:1")).toBeUndefined();
    await globex.setShared("scan:1", { resources: [] }, 60);
    expect(await globex.clear()).toBe(1);
    const again = await acme.getShared("scan:1");
    expect(again).toEqual(scan);
    if (kind === "memory") expect(again).toBe(scan);
    expect(await acme.setShared("nothing", undefined, 60)).toBe(false);
    expect(await acme.clearPrefix("scan:")).toBe(1);
    expect(await acme.getShared("scan:1")).toBeUndefined();
  });

  it("never lets one tenant see another's entries, even under the same key", async () => {
    const { store, newClientId } = fixture();
    const acme = tenantCache(store, newClientId());
    const globex = tenantCache(store, newClientId());
    await acme.setJson("policy", { owner: "acme" }, 60);
    await acme.setJson("only-acme", 1, 60);
    await globex.setJson("policy", { owner: "globex" }, 60);

    expect(await acme.getJson("policy")).toEqual({ owner: "acme" });
    expect(await globex.getJson("policy")).toEqual({ owner: "globex" });
    expect(await globex.getJson("only-acme")).toBeUndefined();
    await globex.del("only-acme");
    expect(await acme.getJson("only-acme")).toBe(1);
  });

  it("clears every entry of one tenant and leaves the other intact", async () => {
    const { store, newClientId } = fixture();
    const acme = tenantCache(store, newClientId());
    const globex = tenantCache(store, newClientId());
    await acme.setJson("a", 1, 60);
    await acme.setJson("scan:eu-west-1", 2, 60);
    await acme.incr("counter", 60);
    await globex.setJson("a", 3, 60);

    expect(await acme.clear()).toBe(3);
    expect(await acme.getJson("a")).toBeUndefined();
    expect(await acme.getJson("scan:eu-west-1")).toBeUndefined();
    expect(await acme.incr("counter", 60)).toBe(1);
    expect(await globex.getJson("a")).toBe(3);
  });

  it("clears one key prefix of one tenant (a revocation), keeping its other entries and the other tenant's", async () => {
    const { store, newClientId } = fixture();
    const acme = tenantCache(store, newClientId());
    const globex = tenantCache(store, newClientId());
    await acme.setJson("scan:1", 1, 60);
    await acme.setJson("scan:2", 2, 60);
    await acme.incr("guard:loop:x", 60);
    await globex.setJson("scan:1", 3, 60);

    expect(await acme.clearPrefix("scan:")).toBe(2);
    expect(await acme.getJson("scan:1")).toBeUndefined();
    expect(await acme.incr("guard:loop:x", 60)).toBe(2);
    expect(await globex.getJson("scan:1")).toBe(3);
    await expect(acme.clearPrefix("")).rejects.toThrow(/use clear\(\)/);
  });

  it("keeps counters per tenant", async () => {
    const { store, newClientId } = fixture();
    const acme = tenantCache(store, newClientId());
    const globex = tenantCache(store, newClientId());
    await acme.incr("calls", 60);
    await acme.incr("calls", 60);
    expect(await globex.incr("calls", 60)).toBe(1);
    expect(await acme.incr("calls", 60)).toBe(3);
  });

  it("computes a cold key once and serves the cached value afterwards", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    expect(await cache.getOrCompute("regions", 60, compute)).toEqual({ run: 1 });
    expect(await cache.getOrCompute("regions", 60, compute)).toEqual({ run: 1 });
    expect(runs).toBe(1);
  });

  it("runs compute once for 100 concurrent callers, across separate handles of one tenant", async () => {
    const { store, newClientId } = fixture();
    const clientId = newClientId();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await sleep(30);
      return ["us-east-1", "eu-west-1"];
    };
    // A handle per call, as a handle per request would be.
    const results = await Promise.all(
      Array.from({ length: 100 }, () => tenantCache(store, clientId).getOrCompute("regions", 60, compute)),
    );
    expect(runs).toBe(1);
    expect(results.every((r) => r.join() === "us-east-1,eu-west-1")).toBe(true);
  });

  it("never shares a computation or its result between tenants", async () => {
    const { store, newClientId } = fixture();
    const ids = [newClientId(), newClientId()];
    const runs: string[] = [];
    const results = await Promise.all(
      ids.flatMap((id) =>
        Array.from({ length: 10 }, () =>
          tenantCache(store, id).getOrCompute("report", 60, async () => {
            runs.push(id);
            await sleep(20);
            return { client: id };
          }),
        ),
      ),
    );
    expect(runs.sort()).toEqual([...ids].sort());
    results.forEach((result, i) => {
      expect(result).toEqual({ client: ids[Math.floor(i / 10)] });
    });
  });

  it("rejects every waiter when compute fails, caches nothing, and computes again next time", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    const failure = new Error("AWS throttled");
    let runs = 0;
    const failing = async () => {
      runs += 1;
      await sleep(10);
      throw failure;
    };
    const settled = await Promise.allSettled(
      Array.from({ length: 5 }, () => cache.getOrCompute("x", 60, failing)),
    );
    expect(settled.every((s) => s.status === "rejected" && s.reason === failure)).toBe(true);
    expect(runs).toBe(1);
    expect(await cache.getJson("x")).toBeUndefined();
    expect(await cache.getOrCompute("x", 60, async () => "fresh")).toBe("fresh");
  });

  it("rejects a client id that could overlap another tenant's prefix", () => {
    const { store } = fixture();
    for (const bad of ["", "cli_a:b", "cli_*", "cli a", "x".repeat(65)]) {
      expect(() => tenantCache(store, bad)).toThrow(TypeError);
    }
  });

  it("throws on an invalid TTL instead of passing it off as an outage", async () => {
    const { store, newClientId } = fixture();
    const cache = tenantCache(store, newClientId());
    await expect(cache.setJson("a", 1, 0)).rejects.toThrow(RangeError);
    await expect(cache.incr("a", 0.5)).rejects.toThrow(RangeError);
    await expect(cache.getOrCompute("a", -1, async () => 1)).rejects.toThrow(RangeError);
  });
});

describe("TenantCache keys in Redis", () => {
  const fixture = useStore("redis");

  it("stores a tenant's entries only under client:<id>: and never under the bare key", async () => {
    const { store, redis, newClientId } = fixture();
    const a = newClientId();
    const b = newClientId();
    await tenantCache(store, a).setJson("policy", { v: 1 }, 60);
    await tenantCache(store, a).getOrCompute("scan:111111111111:eu-west-1", 60, async () => [1]);
    await tenantCache(store, a).incr("guard:calls", 60);
    await tenantCache(store, b).setJson("policy", { v: 2 }, 60);

    expect(await redisKeys(redis, `client:${a}:`)).toEqual([
      `client:${a}:guard:calls`,
      `client:${a}:policy`,
      `client:${a}:scan:111111111111:eu-west-1`,
    ]);
    expect(await redisKeys(redis, `client:${b}:`)).toEqual([`client:${b}:policy`]);
    expect(JSON.parse((await redis.get(`client:${a}:policy`)) ?? "null")).toEqual({ v: 1 });
  });

  it("clear() removes the tenant's keys from Redis and no other tenant's", async () => {
    const { store, redis, newClientId } = fixture();
    const a = newClientId();
    const b = newClientId();
    await tenantCache(store, a).setJson("x", 1, 60);
    await tenantCache(store, b).setJson("x", 2, 60);
    await tenantCache(store, a).clear();
    expect(await redisKeys(redis, `client:${a}:`)).toEqual([]);
    expect(await redisKeys(redis, `client:${b}:`)).toEqual([`client:${b}:x`]);
  });
});

describe("TenantCache over a store that throws", () => {
  it("treats a throwing store as a miss and a skipped write", async () => {
    const store = new MemoryCacheStore();
    const broken = Object.assign(Object.create(store), {
      get: () => Promise.reject(new Error("boom")),
      set: () => Promise.reject(new Error("boom")),
      incr: () => Promise.reject(new Error("boom")),
      delByPrefix: () => Promise.reject(new Error("boom")),
    });
    const cache = tenantCache(broken, "cli_broken");
    expect(await cache.getJson("a")).toBeUndefined();
    expect(await cache.setJson("a", 1, 60)).toBe(false);
    expect(await cache.incr("a", 60)).toBeNull();
    expect(await cache.clear()).toBeNull();
    expect(await cache.getOrCompute("a", 60, async () => "computed")).toBe("computed");
  });

  it("treats an unreadable entry as a miss", async () => {
    const store = new MemoryCacheStore();
    await store.set("client:cli_x:a", "{not json", 60);
    expect(await tenantCache(store, "cli_x").getJson("a")).toBeUndefined();
  });
});
