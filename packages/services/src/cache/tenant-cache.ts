import { type CacheLookup, cacheKindOf } from "../observe/observer";
import { singleFlight } from "./single-flight";
import { assertTtlSeconds, type CacheStore } from "./store";

/**
 * One tenant's view of the cache. Every key is stored as `client:<client_id>:<key>`, and this handle is
 * the only code that builds that prefix, so code holding a handle cannot read or write another
 * tenant's entries, and there is no way to pass a full key in. Nothing here throws on a cache
 * failure: reads miss, writes are skipped, and `degraded` says so.
 */
export interface TenantCache {
  readonly clientId: string;
  /** True while the underlying store is failing. */
  readonly degraded: boolean;
  /** The cached value, or undefined on a miss, an outage or an unreadable entry. */
  getJson<T>(key: string): Promise<T | undefined>;
  /** False when the write was skipped (outage, or a value JSON cannot represent such as undefined). */
  setJson(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  /**
   * setJson for JSON data that neither the writer nor any reader changes afterwards (a scan): a store
   * in this process's memory keeps the object itself, so it exists once (shared with the memo and
   * every reader) and is never serialised or parsed; Redis stores its JSON as setJson does.
   */
  setShared(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  /** getJson of a value written by setShared: on a memory store the very object, not a copy. */
  getShared<T>(key: string): Promise<T | undefined>;
  del(key: string): Promise<boolean>;
  /** A fixed-window counter (see CacheStore.incr); null when the store failed. */
  incr(key: string, ttlSeconds: number): Promise<number | null>;
  /**
   * The cached value, or the result of `compute` (then cached). Concurrent callers in this process
   * share one read and one computation per key. A failing `compute` rejects every waiter and caches
   * nothing; a failing cache only means `compute` runs. Values must be JSON data: a later hit returns
   * the parsed JSON, not the original object.
   */
  getOrCompute<T>(key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T>;
  /** Drops this tenant's entries whose key starts with `prefix` (not empty); null when the store failed. */
  clearPrefix(prefix: string): Promise<number | null>;
  /** Drops every entry of this tenant (offboarding). The count, or null when the store failed. */
  clear(): Promise<number | null>;
}

// Client ids are `cli_…`; refusing `:` and glob characters means no tenant's prefix can be the
// prefix of another's (`client:a:` vs `client:a:b:`), so clear() of one never touches another.
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The only way to reach tenant data in the cache. */
export function tenantCache(
  store: CacheStore,
  clientId: string,
  /** Told of every read's hit or miss, by the key's kind (never the key: it holds account ids). */
  onLookup?: (lookup: CacheLookup) => void,
): TenantCache {
  if (!CLIENT_ID.test(clientId)) throw new TypeError("tenantCache needs a client id such as cli_…");
  const prefix = `client:${clientId}:`;
  const full = (key: string) => prefix + key;

  // A store other than ours might throw; the promise to callers is the same either way. TTLs are checked
  // before, so a bad TTL (a bug) still throws instead of passing as an outage.
  async function safely<T>(fallback: T, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch {
      return fallback;
    }
  }

  async function read<T>(key: string): Promise<{ value: T } | undefined> {
    const raw = await safely(null, () => store.get(full(key)));
    const value = raw === null ? undefined : parsed<T>(raw);
    onLookup?.({ cache: cacheKindOf(key), tier: "shared", hit: value !== undefined });
    return value;
  }

  function parsed<T>(raw: string): { value: T } | undefined {
    try {
      return { value: JSON.parse(raw) as T };
    } catch {
      return undefined;
    }
  }

  async function readShared<T>(key: string): Promise<T | undefined> {
    const getData = store.getData?.bind(store);
    if (!getData) return (await read<T>(key))?.value;
    const hit = await safely(null, () => getData(full(key)));
    onLookup?.({ cache: cacheKindOf(key), tier: "shared", hit: hit !== null });
    return hit === null ? undefined : (hit.value as T);
  }

  async function write(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    assertTtlSeconds(ttlSeconds);
    const raw = JSON.stringify(value) as string | undefined;
    if (raw === undefined) return false;
    return safely(false, () => store.set(full(key), raw, ttlSeconds));
  }

  return {
    clientId,
    get degraded() {
      return store.degraded;
    },
    getJson: async <T>(key: string) => (await read<T>(key))?.value,
    setJson: write,
    getShared: readShared,
    setShared: (key, value, ttlSeconds) => {
      const setData = store.setData?.bind(store);
      if (!setData) return write(key, value, ttlSeconds);
      assertTtlSeconds(ttlSeconds);
      return safely(false, () => setData(full(key), value, ttlSeconds));
    },
    del: (key) => safely(false, () => store.del(full(key))),
    incr: async (key, ttlSeconds) => {
      assertTtlSeconds(ttlSeconds);
      return safely(null, () => store.incr(full(key), ttlSeconds));
    },
    getOrCompute: async <T>(key: string, ttlSeconds: number, compute: () => Promise<T>) => {
      assertTtlSeconds(ttlSeconds);
      return singleFlight(store, full(key), async () => {
        const hit = await read<T>(key);
        if (hit) return hit.value;
        const value = await compute();
        await write(key, value, ttlSeconds);
        return value;
      });
    },
    clearPrefix: async (sub) => {
      // An empty one would be clear(): say so rather than drop the guardrail counters by accident.
      if (sub === "") throw new RangeError("clearPrefix needs a prefix; use clear() for everything");
      return safely(null, () => store.delByPrefix(full(sub)));
    },
    clear: () => safely(null, () => store.delByPrefix(prefix)),
  };
}
