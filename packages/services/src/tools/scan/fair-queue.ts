// The process's cold-scan capacity, shared fairly: at most `capacity` cold discoveries run at once,
// at most `perClient` of them for one tenant, and a freed slot goes to the next tenant in turn
// (round-robin over the tenants waiting), not to whoever queued most. Without it one tenant's burst
// of force_refresh scans took every slot and the event loop, and every other tenant's warm calls
// slowed about 12×.

export interface ScanQueueOptions {
  /** Cold discoveries running at once in this process, all tenants together. */
  capacity: number;
  /** Cold discoveries running at once for one tenant. */
  perClient: number;
}

/** Ends the holder's turn; calling it twice is harmless. */
export type Release = () => void;

export interface ScanLoad {
  running: number;
  queued: number;
}

interface Waiter {
  grant: (release: Release) => void;
}

export class ScanQueue {
  private readonly running = new Map<string, number>();
  /** Tenants waiting, in turn order (a Map keeps insertion order; a served tenant moves to the end). */
  private readonly waiting = new Map<string, Waiter[]>();
  private total = 0;

  constructor(private readonly options: ScanQueueOptions) {}

  /**
   * Resolves when the tenant may start a cold discovery. `onQueued` hears how many scans are ahead
   * when it has to wait, so the caller can say "queued" rather than look stuck.
   */
  acquire(clientId: string, onQueued?: (ahead: number) => void): Promise<Release> {
    if (!this.waiting.size && this.canRun(clientId)) return Promise.resolve(this.take(clientId));
    return new Promise<Release>((resolve) => {
      const queue = this.waiting.get(clientId) ?? [];
      queue.push({ grant: resolve });
      this.waiting.set(clientId, queue);
      onQueued?.(this.queuedCount() - 1);
      this.dispatch();
    });
  }

  /** Runs `work` in a slot of the tenant's, released however it ends. */
  async run<T>(
    clientId: string,
    onQueued: ((ahead: number) => void) | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    const release = await this.acquire(clientId, onQueued);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Running and queued cold discoveries per tenant with any (for the per-tenant gauge). */
  load(): Map<string, ScanLoad> {
    const out = new Map<string, ScanLoad>();
    for (const [clientId, running] of this.running) out.set(clientId, { running, queued: 0 });
    for (const [clientId, queue] of this.waiting) {
      const entry = out.get(clientId) ?? { running: 0, queued: 0 };
      entry.queued = queue.length;
      out.set(clientId, entry);
    }
    return out;
  }

  private canRun(clientId: string): boolean {
    return this.total < this.options.capacity && (this.running.get(clientId) ?? 0) < this.options.perClient;
  }

  private take(clientId: string): Release {
    this.total += 1;
    this.running.set(clientId, (this.running.get(clientId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.running.get(clientId) ?? 1) - 1;
      if (left > 0) this.running.set(clientId, left);
      else this.running.delete(clientId);
      this.dispatch();
    };
  }

  /** Grants free slots one at a time, each to the first tenant in turn that is under its own limit. */
  private dispatch(): void {
    while (this.total < this.options.capacity) {
      const next = [...this.waiting.keys()].find((clientId) => this.canRun(clientId));
      if (next === undefined) return;
      const queue = this.waiting.get(next)!;
      const waiter = queue.shift()!;
      this.waiting.delete(next);
      if (queue.length) this.waiting.set(next, queue);
      waiter.grant(this.take(next));
    }
  }

  private queuedCount(): number {
    let n = 0;
    for (const queue of this.waiting.values()) n += queue.length;
    return n;
  }
}
