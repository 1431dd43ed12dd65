// Short-lived, process-local memos of what a warm MCP call would otherwise read from Postgres on
// every request: API key → (key, client) at the edge, and a client's policy and connections at the
// top of the scan pipeline. A change to a client (forgetTenantReads, called after it commits) drops
// this process's entries at once and bumps the client's epoch in the shared cache (TenantData
// .changed); every hit is checked against that epoch, so another replica sees the change on its next
// request too. What is left is bounded by the TTL (KEY_CACHE_MS, SETTINGS_CACHE_MS) plus one read
// (below): a change written without forgetTenantReads (a worker's direct update, an operator's SQL),
// or a key read whose epoch was taken just after a concurrent change. A read that began before a local forget is not stored.
// Concurrent misses of one key share one read (`missed`): when an entry expires under load, one
// query goes to Postgres, not one per waiting request (a herd that queued behind the pool for 0.6 s),
// and the requests that arrive while it runs are answered from the entry just expired (same epoch,
// no forget since), so an un-signalled change is seen within TTL plus one read, not the TTL alone.

interface Entry<V> {
  value: V;
  clientId: string;
  /** The client's shared epoch when the entry was read; a hit under another epoch is a miss. */
  epoch: number | undefined;
  /** performance.now() past which the entry is read again: a monotonic clock, not the services clock. */
  freshUntil: number;
}

/** The client's shared epoch (TenantData.epochOf); undefined: the shared cache cannot tell. */
export type EpochOf = (clientId: string) => Promise<number | undefined>;

export interface FreshReadsOptions {
  /** How long a read is trusted without another (0 turns the memo off). */
  ttlMs: number;
  maxEntries?: number;
  clock?: () => number;
  /** Without it only this process's forgets count (a single replica, or tests). */
  epochOf?: EpochOf | undefined;
}

export class FreshReads<V> {
  readonly ttlMs: number;
  readonly #entries = new Map<string, Entry<V>>();
  readonly #maxEntries: number;
  readonly #clock: () => number;
  readonly #epochOf: EpochOf | undefined;
  /** Bumped by every forget: a read started under an older generation is not stored. */
  #generation = 0;
  /** The read running per key (`missed`): later misses of the key wait for it. */
  readonly #flights = new Map<string, Promise<unknown>>();

  constructor(options: FreshReadsOptions) {
    this.ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#clock = options.clock ?? (() => performance.now());
    this.#epochOf = options.epochOf;
  }

  /** Taken before the read whose result `set` may store. */
  get generation(): number {
    return this.#generation;
  }

  /** The client's shared epoch now, to store with a read (undefined without an epoch source). */
  async epoch(clientId: string): Promise<number | undefined> {
    return this.#epochOf?.(clientId);
  }

  /** The entry if fresh and of the client's current epoch (`known`: that epoch, already read). */
  async get(key: string, known?: { epoch: number | undefined }): Promise<V | undefined> {
    return this.#usable(key, known, 0);
  }

  /**
   * The entry if of the client's current epoch and fresh, or at most `graceMs` past fresh. An entry
   * of another epoch is dropped; an expired one is kept (until replaced, or `set` evicts it) so that
   * the misses while its refresh runs can be answered with it (`missed`).
   */
  async #usable(key: string, known: { epoch: number | undefined } | undefined, graceMs: number) {
    const entry = this.#entries.get(key);
    if (!entry || entry.freshUntil + graceMs <= this.#clock()) return undefined;
    if (this.#epochOf !== undefined) {
      const epochNow = known ? known.epoch : await this.#epochOf(entry.clientId);
      if (entry.epoch === undefined || epochNow !== entry.epoch) {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        return undefined;
      }
    }
    return entry.value;
  }

  /**
   * A miss of `key`: `read` (which stores what it may with `set`) runs once at a time per key. A miss
   * while it runs waits for it, then looks again with every check of a hit (freshness, the epoch it
   * took before, `known`); only if that read stored nothing it may use (a refused key, a forget or an
   * epoch change meanwhile) does it read for itself. So no caller is served a read that a change it
   * could see (a forget here, an epoch bump anywhere) should have replaced.
   */
  async missed<R>(
    key: string,
    read: () => Promise<R>,
    known?: { epoch: number | undefined },
  ): Promise<{ hit: V } | { read: R }> {
    if (this.ttlMs <= 0) return { read: await read() };
    const running = this.#flights.get(key);
    if (running) {
      // While the key's refresh runs, its last value (of the current epoch, with no forget since,
      // and expired less than a TTL ago) answers instead of a wait: only the refreshing call waits.
      const last = await this.#usable(key, known, this.ttlMs);
      if (last !== undefined) return { hit: last };
      await running.catch(() => undefined);
      const hit = await this.get(key, known);
      if (hit !== undefined) return { hit };
      return { read: await read() };
    }
    const flight = read();
    this.#flights.set(key, flight);
    try {
      return { read: await flight };
    } finally {
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    }
  }

  /** `get`, else `missed` with a read of the value itself. */
  async getOrRead(key: string, read: () => Promise<V>, known?: { epoch: number | undefined }): Promise<V> {
    const hit = await this.get(key, known);
    if (hit !== undefined) return hit;
    const miss = await this.missed(key, read, known);
    return "hit" in miss ? miss.hit : miss.read;
  }

  set(
    key: string,
    clientId: string,
    value: V,
    readAt: { generation: number; epoch: number | undefined },
  ): void {
    if (this.ttlMs <= 0 || readAt.generation !== this.#generation) return;
    // Without a shared epoch to check it against, a memo is not trusted across replicas.
    if (this.#epochOf !== undefined && readAt.epoch === undefined) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, clientId, epoch: readAt.epoch, freshUntil: this.#clock() + this.ttlMs });
    // Insertion order is age order: the oldest go first.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  /** Drops every entry of one client: something of it just changed here. */
  forgetClient(clientId: string): void {
    this.#generation += 1;
    for (const [key, entry] of this.#entries) if (entry.clientId === clientId) this.#entries.delete(key);
  }
}

interface Forgets {
  forgetClient(clientId: string): void;
}

/**
 * After a change to a client (its keys, status, policy or connections) committed in this process:
 * this replica's memos forget it, and the shared epoch tells the other replicas to.
 */
export async function forgetTenantReads(
  deps: {
    keys?: Forgets | undefined;
    settings?: Forgets | undefined;
    tenantData?: { changed?(clientId: string): Promise<void> } | undefined;
  },
  clientId: string,
): Promise<void> {
  deps.keys?.forgetClient(clientId);
  deps.settings?.forgetClient(clientId);
  await deps.tenantData?.changed?.(clientId);
}
