// Cold scans yield the event loop to every other call. The fair queue bounds how many discoveries
// run, but one discovery keeps up to ~100 AWS calls in flight, and every answer is parsed (XML, JSON)
// and the next call signed on this process's one thread: two of one tenant's cold scans kept the loop
// saturated (event-loop delay p99 ~300 ms, max ~750 ms) while another tenant's warm calls, which never
// touch AWS, waited behind the parsing (warm p95 ×9–12). So while any call that is not in a cold
// discovery is in flight, and for `lingerMs` after the last one ended (a busy client's next call is
// usually on its way: opening the gate between two calls let ~100 queued calls through at once), all
// cold scans together keep at most `busyCalls` AWS calls in flight; with nobody waiting they run at
// full speed.
import type { CallGate } from "@tagc/aws";

export class ScanPacer implements CallGate {
  /** Tool calls in flight, by request id. */
  private readonly calls = new Set<string>();
  /** Request ids with cold discoveries in flight, and how many. */
  private readonly cold = new Map<string, number>();
  /** Calls in flight that are not in a cold discovery: the work a cold scan must not crowd out. */
  private foreground = 0;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Paced until then (ms, performance.now) although no foreground call is in flight. */
  private quietAt = 0;
  private opening: NodeJS.Timeout | undefined;

  constructor(
    private readonly busyCalls: number,
    private readonly lingerMs = 250,
  ) {
    if (!Number.isInteger(busyCalls) || busyCalls < 1) throw new RangeError("busyCalls must be at least 1");
  }

  /** A tool call starts; the returned function ends it (calling it twice is harmless). */
  enter(requestId: string): () => void {
    if (this.calls.has(requestId)) return () => undefined;
    this.calls.add(requestId);
    if (!this.cold.has(requestId)) this.foreground += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.calls.delete(requestId);
      if (!this.cold.has(requestId)) this.lessForeground(true);
    };
  }

  /** Runs a cold discovery (queue wait included) of the call: meanwhile the call is not foreground. */
  async background<T>(requestId: string, work: () => Promise<T>): Promise<T> {
    const count = this.cold.get(requestId) ?? 0;
    this.cold.set(requestId, count + 1);
    if (!count && this.calls.has(requestId)) this.lessForeground(false);
    try {
      return await work();
    } finally {
      const left = (this.cold.get(requestId) ?? 1) - 1;
      if (left > 0) this.cold.set(requestId, left);
      else {
        this.cold.delete(requestId);
        if (this.calls.has(requestId)) this.foreground += 1;
      }
    }
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.limit()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inFlight += 1;
    try {
      return await call();
    } finally {
      this.release();
    }
  }

  /** `ended`: the call is over (a call going into its own cold discovery starts no linger). */
  private lessForeground(ended: boolean): void {
    this.foreground -= 1;
    if (this.foreground > 0) return;
    if (!ended) {
      this.admit();
      return;
    }
    this.quietAt = performance.now() + this.lingerMs;
    // Opens the gate once the linger is over, if nothing came in meanwhile. One timer, restarted:
    // every call that leaves the process idle lands here, and a new timer each time was a visible
    // share of a lone warm call's CPU.
    if (this.opening) this.opening.refresh();
    else {
      this.opening = setTimeout(() => this.admit(), this.lingerMs + 1);
      this.opening.unref();
    }
  }

  private limit(): number {
    const busy = this.foreground > 0 || performance.now() < this.quietAt;
    return busy ? this.busyCalls : Number.POSITIVE_INFINITY;
  }

  private release(): void {
    this.inFlight -= 1;
    this.admit();
  }

  /** Hands free permits to waiting calls (a waiter resolved here already holds its permit). */
  private admit(): void {
    while (this.waiting.length && this.inFlight < this.limit()) {
      this.inFlight += 1;
      this.waiting.shift()!();
    }
  }
}
