// A counting semaphore with three priorities. List pages form sequential chains, so they jump ahead
// of per-item calls ("item"), which would otherwise stretch every chain behind them; and a chain
// already under way ("next": its second page on, or the describe call that the next list needs)
// goes before chains yet to start ("page"): at a scan's start every lister asks for its first page
// at once, and a long chain (50 Lambda functions a page) waiting behind all of them at every step
// would end long after the short ones.
export type Priority = "next" | "page" | "item";

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Limiter {
  private active = 0;
  private readonly queues: Record<Priority, Waiter[]> = { next: [], page: [], item: [] };

  constructor(
    private readonly slots: number,
    private readonly signal?: AbortSignal,
  ) {
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError("a limiter needs at least one slot");
    // Aborting rejects every waiter at once, so a scan past its deadline never starts another call.
    signal?.addEventListener("abort", () => this.rejectAll(signal.reason), { once: true });
  }

  async run<T>(priority: Priority, task: () => Promise<T>): Promise<T> {
    await this.acquire(priority);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(priority: Priority): Promise<void> {
    if (this.signal?.aborted) return Promise.reject(this.signal.reason);
    if (this.active < this.slots) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.queues[priority].push({ resolve, reject }));
  }

  private release(): void {
    const next = this.queues.next.shift() ?? this.queues.page.shift() ?? this.queues.item.shift();
    // The slot passes straight to the next waiter: `active` stays the same.
    if (next) next.resolve();
    else this.active -= 1;
  }

  private rejectAll(reason: unknown): void {
    for (const queue of Object.values(this.queues)) {
      for (const waiter of queue.splice(0)) waiter.reject(reason);
    }
  }
}
