// Short-lived, process-local memos of what a warm MCP call would otherwise read from Postgres on
// every request: API key → (key, client) at the edge, and a client's policy and connections at the
// top of the scan pipeline. Bounded staleness, stated: a change made in this process forgets the
// client's entries at once (forgetTenantReads, called after the change commits); a change made on
// another replica or by a worker is seen here within the TTL (KEY_CACHE_MS, SETTINGS_CACHE_MS). A read
// that began before a forget is not stored: it may have seen the old row.

interface Entry<V> {
  value: V;
  clientId: string;
  /** performance.now() past which the entry is read again: a monotonic clock, not the services clock. */
  freshUntil: number;
}

export class FreshReads<V> {
  readonly #entries = new Map<string, Entry<V>>();
  /** Bumped by every forget: a read started under an older generation is not stored. */
  #generation = 0;

  constructor(
    /** How long a read is trusted without another (0 turns the memo off). */
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Taken before the read whose result `set` may store. */
  get generation(): number {
    return this.#generation;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.freshUntil <= this.clock()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, clientId: string, value: V, readAt: number): void {
    if (this.ttlMs <= 0 || readAt !== this.#generation) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, clientId, freshUntil: this.clock() + this.ttlMs });
    // Insertion order is age order: the oldest go first.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  /** Drops every entry of one client: something of it just changed here. */
  forgetClient(clientId: string): void {
    this.#generation += 1;
    for (const [key, entry] of this.#entries) if (entry.clientId === clientId) this.#entries.delete(key);
  }
}

/** After a change to a client, its keys, status, policy or connections, committed in this process. */
export function forgetTenantReads(
  deps: {
    keys?: { forgetClient(clientId: string): void } | undefined;
    settings?: { forgetClient(clientId: string): void } | undefined;
  },
  clientId: string,
): void {
  deps.keys?.forgetClient(clientId);
  deps.settings?.forgetClient(clientId);
}
