import { assertPrefix, assertTtlSeconds, type CacheStore } from "./store";

export interface MemoryCacheStoreOptions {
  /** Entries kept at most; the least recently used goes first (default 10,000). */
  maxEntries?: number;
  /** Milliseconds since the epoch; injectable so tests move time without sleeping. */
  now?: () => number;
}

interface Entry {
  /** Text, or the JSON data setData kept as is (never serialised unless read as text). */
  value: string | { data: unknown };
  expiresAt: number;
}

const text = (entry: Entry) =>
  typeof entry.value === "string" ? entry.value : JSON.stringify(entry.value.data);

/**
 * The embedded default when there is no Redis: one process's memory, bounded and with TTLs honoured
 * lazily (an expired entry is dropped when read or when space is needed). Replicas do not share it.
 */
export class MemoryCacheStore implements CacheStore {
  readonly kind = "memory";
  readonly degraded = false;
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryCacheStoreOptions = {}) {
    const maxEntries = options.maxEntries ?? 10_000;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError("maxEntries must be a positive integer");
    }
    this.maxEntries = maxEntries;
    this.now = options.now ?? Date.now;
  }

  /** Live entries, for tests and metrics. */
  get size(): number {
    for (const key of this.entries.keys()) this.live(key);
    return this.entries.size;
  }

  async get(key: string): Promise<string | null> {
    const entry = this.used(key);
    return entry ? text(entry) : null;
  }

  async getData(key: string): Promise<{ value: unknown } | null> {
    const entry = this.used(key);
    if (!entry) return null;
    if (typeof entry.value !== "string") return { value: entry.value.data };
    try {
      return { value: JSON.parse(entry.value) };
    } catch {
      return null;
    }
  }

  /** The live entry, marked most recently used. */
  private used(key: string): Entry | undefined {
    const entry = this.live(key);
    if (!entry) return undefined;
    // Map order is recency order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    assertTtlSeconds(ttlSeconds);
    this.put(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    return true;
  }

  async setData(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    assertTtlSeconds(ttlSeconds);
    // What JSON cannot represent is refused, as setting its text would be.
    if (value === undefined || typeof value === "function" || typeof value === "symbol") return false;
    this.put(key, { value: { data: value }, expiresAt: this.now() + ttlSeconds * 1000 });
    return true;
  }

  async del(key: string): Promise<boolean> {
    this.entries.delete(key);
    return true;
  }

  async delByPrefix(prefix: string): Promise<number> {
    assertPrefix(prefix);
    let deleted = 0;
    for (const key of [...this.entries.keys()]) {
      if (!key.startsWith(prefix)) continue;
      if (this.live(key)) deleted += 1;
      this.entries.delete(key);
    }
    return deleted;
  }

  /** Drops every entry (a Redis store's outage memory, once Redis answers again). */
  clear(): void {
    this.entries.clear();
  }

  async incr(key: string, ttlSeconds: number): Promise<number | null> {
    assertTtlSeconds(ttlSeconds);
    const entry = this.live(key);
    if (!entry) {
      this.put(key, { value: "1", expiresAt: this.now() + ttlSeconds * 1000 });
      return 1;
    }
    // Like Redis INCR: a value that is not an integer is not a counter.
    if (typeof entry.value !== "string" || !/^-?\d+$/.test(entry.value)) return null;
    const count = Number(entry.value) + 1;
    entry.value = String(count);
    return count;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
