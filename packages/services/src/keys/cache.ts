// A short-lived, process-local memo of API key → (key, client), so a warm MCP call does not read the
// key and its client on every request. Bounded staleness, stated: a change made in this process
// (revoke, rotate, offboarding, a client's status change) forgets the client's keys at once; a change
// made on another replica is seen here within `ttlMs` (KEY_CACHE_MS), the most a revoked key can still
// be accepted there. Expiry and rotation grace are checked on every hit against the request's clock,
// so they hold to the millisecond whatever is cached. Only accepted keys are kept: an unknown or
// refused key is read again every time (no negative caching to poison).
import type { AuthResult } from "./authenticate";

type Accepted = Extract<AuthResult, { ok: true }>;

interface Entry {
  value: Accepted;
  /** performance.now() past which the entry is read again: a monotonic clock, not the services clock. */
  freshUntil: number;
}

export class ApiKeyCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    /** How long an accepted key is trusted without a read (0 turns the cache off). */
    readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get(hash: string): Accepted | undefined {
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (entry.freshUntil <= this.clock()) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.value;
  }

  set(hash: string, value: Accepted): void {
    if (this.ttlMs <= 0) return;
    this.#entries.delete(hash);
    this.#entries.set(hash, { value, freshUntil: this.clock() + this.ttlMs });
    // Insertion order is age order: the oldest go first.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  /** Drops every cached key of one client: its keys or the client itself just changed here. */
  forgetClient(clientId: string): void {
    for (const [hash, entry] of this.#entries) if (entry.value.client.id === clientId) this.#entries.delete(hash);
  }
}
