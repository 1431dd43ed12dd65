// A small process-local memo in front of the shared cache store, keyed per client by construction:
// parsed scans, their analyses and their spend, so warm tool calls skip re-parsing and re-scoring
// thousands of resources. Entries expire with the scan's freshness window; the LRU bounds memory by
// entries, not by tenants.

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export const scopedKey = (clientId: string, key: string) => `client:${clientId}:${key}`;

export class TenantMemo<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly maxEntries = 16,
    /** Called on every lookup with whether it hit (the hit-ratio metric). */
    private readonly onLookup: (hit: boolean) => void = () => undefined,
  ) {}

  get(clientId: string, key: string, now: number): T | undefined {
    const value = this.lookup(clientId, key, now);
    this.onLookup(value !== undefined);
    return value;
  }

  private lookup(clientId: string, key: string, now: number): T | undefined {
    const full = scopedKey(clientId, key);
    const entry = this.entries.get(full);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(full);
      return undefined;
    }
    // Refresh its place in the LRU order.
    this.entries.delete(full);
    this.entries.set(full, entry);
    return entry.value;
  }

  set(clientId: string, key: string, value: T, expiresAt: number): void {
    const full = scopedKey(clientId, key);
    this.entries.delete(full);
    this.entries.set(full, { value, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  purge(clientId: string): void {
    const prefix = scopedKey(clientId, "");
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

/** Runs `work` once per (client, key) at a time in this process; concurrent callers share its result. */
export class Flights<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(clientId: string, key: string, work: () => Promise<T>): Promise<T> {
    const full = scopedKey(clientId, key);
    const current = this.running.get(full);
    if (current) return current;
    const flight = work().finally(() => this.running.delete(full));
    this.running.set(full, flight);
    return flight;
  }
}
