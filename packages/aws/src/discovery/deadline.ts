// The scan's deadline: one AbortSignal that every SDK call, retry sleep and queued call listens
// to, fired by a real timer (or by the caller's own signal).
import { setMaxListeners } from "node:events";
export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
  constructor() {
    super("The scan deadline passed.");
  }
}

export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  readonly reached: Promise<void>;

  constructor(ms: number, parent?: AbortSignal) {
    // Every call in flight listens to this one signal: hundreds at a time is the design, not a leak.
    setMaxListeners(0, this.controller.signal);
    this.reached = new Promise((resolve) =>
      this.controller.signal.addEventListener("abort", () => resolve(), { once: true }),
    );
    this.timer = setTimeout(() => this.expire(), Math.max(0, ms));
    // The timer must never keep a process alive on its own.
    this.timer.unref();
    if (parent?.aborted) this.expire();
    else parent?.addEventListener("abort", () => this.expire(), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  throwIfExpired(): void {
    if (this.expired) throw new DeadlineExceeded();
  }

  /** Resolves after `ms`, or rejects as soon as the deadline passes. */
  sleep(ms: number): Promise<void> {
    if (this.expired) return Promise.reject(new DeadlineExceeded());
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(new DeadlineExceeded());
      };
      const timer = setTimeout(() => {
        this.signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      this.signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private expire(): void {
    if (!this.expired) this.controller.abort(new DeadlineExceeded());
  }
}
