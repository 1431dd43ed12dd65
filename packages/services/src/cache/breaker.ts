// One circuit breaker per Redis client, shared by the cache store and every Redis rate limiter, so an
// outage is seen once by the whole process (not five times, each paying its own timeouts) and logged
// once per state change. A small state machine rather than a library such as opossum: opossum wraps
// one function per breaker and opens on a rolling error percentage, while here the strongest signal
// is the connection itself (ioredis reports a dropped socket before any command fails), and the
// fallback is not a function of the failed call but a whole in-memory store.
import type { Redis } from "ioredis";

/** closed: Redis answers. open: every operation answers from memory at once. half-open: one probe. */
export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerChange {
  state: BreakerState;
  previous: BreakerState;
  /** What opened it (a message, never a key or a value). */
  error?: string | undefined;
}

export type BreakerListener = (change: BreakerChange) => void;

export interface CircuitBreakerOptions {
  /** Consecutive failed commands (timeouts) that open the circuit (default 3). */
  failureThreshold?: number;
  /** How long the circuit stays open before one command probes Redis again (default 1,000 ms). */
  resetMs?: number;
  now?: () => number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class CircuitBreaker {
  private current: BreakerState = "closed";
  private failures = 0;
  private retryAt = 0;
  private readonly listeners = new Set<BreakerListener>();
  /** Whether the watched client has a connection; a probe without one could only fail. */
  private connected: () => boolean = () => true;
  private readonly failureThreshold: number;
  private readonly resetMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.resetMs = options.resetMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Hears every state change (logs, metrics, the store dropping its outage memory). */
  onChange(listener: BreakerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Whether this operation may go to Redis. Open: no, until resetMs has passed; then this one caller
   * becomes the probe (half-open) and every other one keeps answering from memory until it settles.
   * While the client has no connection at all there is nothing to probe: its "ready" closes the
   * circuit, so an outage logs one "open" and one "closed", not a half-open every second.
   */
  allow(): boolean {
    if (this.current === "closed") return true;
    if (this.current === "open" && this.now() >= this.retryAt && this.connected()) {
      this.move("half-open");
      return true;
    }
    return false;
  }

  success(): void {
    this.failures = 0;
    if (this.current !== "closed") this.move("closed");
  }

  /** A command failed: a failed probe or the threshold-th failure in a row opens the circuit. */
  failure(error: unknown): void {
    this.failures += 1;
    if (this.current === "half-open" || this.failures >= this.failureThreshold) this.trip(error);
  }

  /** Opens at once: the connection is gone, so no command can succeed until it is back. */
  trip(error: unknown): void {
    this.retryAt = this.now() + this.resetMs;
    if (this.current !== "open") this.move("open", message(error));
  }

  /**
   * Follows the client's connection: a closed socket opens the circuit before any command pays for
   * it, and a ready one (ioredis has just had an answer to its INFO check) closes it, so the cache
   * recovers by itself even while no traffic probes it.
   */
  watch(redis: Redis): this {
    this.connected = () => redis.status === "ready";
    // Still connecting (start-up): answer from memory until the first ready, without reporting a
    // change that did not happen. A lazy client ("wait") connects on its first command, so it starts closed.
    if (redis.status === "connecting" || redis.status === "reconnecting") {
      this.current = "open";
      this.retryAt = this.now() + this.resetMs;
    }
    redis.on("close", () => this.trip(new Error("connection to Redis closed")));
    redis.on("ready", () => this.success());
    return this;
  }

  private move(state: BreakerState, error?: string): void {
    const previous = this.current;
    this.current = state;
    for (const listener of this.listeners) {
      try {
        listener({ state, previous, ...(error ? { error } : {}) });
      } catch {
        // A throwing listener (a logger, a metrics hook) must not turn a cache miss into a failure.
      }
    }
  }
}
