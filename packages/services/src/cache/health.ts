import type { CacheHealth, CacheHealthListener } from "./store";

export interface HealthTrackerOptions {
  listener?: CacheHealthListener | undefined;
  /** After a failure, skip the backend for this long (default 1,000 ms). */
  breakMs?: number | undefined;
  now?: () => number;
}

/**
 * Tracks whether a backend is answering. The listener hears transitions only, so an outage produces
 * one "degraded" report and one "recovered" report rather than one per command. After a failure the
 * backend is skipped for `breakMs` (a circuit breaker): a Redis that swallows packets would otherwise
 * cost every cache operation of every tool call its full timeout.
 */
export class HealthTracker {
  private failing = false;
  private retryAt = 0;
  private readonly listener: CacheHealthListener | undefined;
  private readonly breakMs: number;
  private readonly now: () => number;

  constructor(options: HealthTrackerOptions = {}) {
    this.listener = options.listener;
    this.breakMs = options.breakMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  get degraded(): boolean {
    return this.failing;
  }

  /** True while the breaker is open: answer the fallback without asking the backend. */
  get skipping(): boolean {
    return this.failing && this.now() < this.retryAt;
  }

  ok(): void {
    if (!this.failing) return;
    this.failing = false;
    this.emit({ healthy: true });
  }

  failed(error: unknown): void {
    this.retryAt = this.now() + this.breakMs;
    if (this.failing) return;
    this.failing = true;
    this.emit({ healthy: false, error: error instanceof Error ? error.message : String(error) });
  }

  private emit(health: CacheHealth): void {
    try {
      this.listener?.(health);
    } catch {
      // A throwing listener (a logger, a metrics hook) must not turn a cache miss into a failure.
    }
  }
}
