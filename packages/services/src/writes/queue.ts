// Audit and usage rows the database could not take while it was unreachable, held in process memory
// (bounded) and written in order once it answers again. A tool call that succeeded keeps its answer,
// and its audit and usage rows are not lost to a restart or failover of Postgres. The bound keeps an
// outage that outlasts it from exhausting memory: past it, records are dropped and counted (a metric),
// never silently. Rows held here are lost if the process dies before `flush()`: shutdown calls it.
import { auditEvents, type Database, isDatabaseUnavailable } from "@tagc/db";
import { type RecordScanUsageInput, recordScanUsage } from "../metering/record";

export type QueuedWrite =
  | { kind: "audit"; row: typeof auditEvents.$inferInsert & { id: string } }
  | { kind: "usage"; input: Omit<RecordScanUsageInput, "db" | "retry"> };

export interface WriteQueueOptions {
  db: Database;
  /** Records held at most (WRITE_QUEUE_MAX); past it a record is dropped and counted. */
  max?: number;
  /** Delay before the first retry after a failed flush; doubles up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface WriteQueueStats {
  queued: number;
  dropped: number;
  written: number;
}

/** Audit rows per statement while draining: a backlog clears in a few round trips, not thousands. */
const BATCH = 500;

const unavailable = (error: unknown) =>
  isDatabaseUnavailable(error) || (error instanceof Error && error.name === "UsageRecordError");

export class WriteQueue {
  readonly #db: Database;
  readonly #max: number;
  readonly #base: number;
  readonly #maxDelay: number;
  #items: QueuedWrite[] = [];
  #dropped = 0;
  #written = 0;
  #delay: number;
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<number> | undefined;
  readonly #dropListeners = new Set<(count: number) => void>();

  constructor(options: WriteQueueOptions) {
    this.#db = options.db;
    this.#max = options.max ?? 10_000;
    this.#base = options.baseDelayMs ?? 250;
    // Short: while anything waits, new rows queue behind it, so a recovered database should be seen
    // within a second; one connection attempt a second is no load on a database that is down.
    this.#maxDelay = options.maxDelayMs ?? 1_000;
    this.#delay = this.#base;
  }

  get stats(): WriteQueueStats {
    return { queued: this.#items.length, dropped: this.#dropped, written: this.#written };
  }

  /** Called with the number of records dropped each time the bound is hit (for the metric). */
  onDrop(listener: (count: number) => void): () => void {
    this.#dropListeners.add(listener);
    return () => this.#dropListeners.delete(listener);
  }

  /**
   * Writes now, or queues the record when the database is unreachable. While anything is queued a new
   * record goes behind it without trying, so rows land in the order they were made. Rethrows any other
   * failure (a bug or a constraint), which retrying would not fix.
   */
  async write(record: QueuedWrite): Promise<"written" | "queued" | "dropped"> {
    if (this.#items.length === 0) {
      try {
        // The first try keeps the usage writer's own retries (a deadlock passes on retry).
        await this.#apply(record, 4);
        return "written";
      } catch (error) {
        if (!unavailable(error)) throw error;
      }
    }
    return this.#enqueue(record);
  }

  /**
   * Writes what is queued, in order, until the queue is empty or the database fails again; resolves to
   * the number of records still queued. Concurrent calls share one drain. For shutdown: call it after
   * the last request has finished.
   */
  flush(): Promise<number> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined;
    });
    return this.#draining;
  }

  /** Stops the retry timer (records stay queued); `flush()` still works afterwards. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #enqueue(record: QueuedWrite): "queued" | "dropped" {
    if (this.#items.length >= this.#max) {
      this.#dropped += 1;
      for (const listener of this.#dropListeners) listener(1);
      return "dropped";
    }
    this.#items.push(record);
    this.#schedule();
    return "queued";
  }

  #schedule(): void {
    if (this.#timer || this.#draining) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#delay);
    // A pending retry must not keep a finished process (or a test run) alive.
    this.#timer.unref();
  }

  async #drain(): Promise<number> {
    while (this.#items.length > 0) {
      const batch = this.#nextBatch();
      try {
        await this.#applyBatch(batch);
        this.#written += batch.length;
      } catch (error) {
        if (unavailable(error)) {
          this.#delay = Math.min(this.#maxDelay, this.#delay * 2);
          this.#draining = undefined;
          this.#schedule();
          return this.#items.length;
        }
        // Not an outage: one record of the batch can never be written. Each is tried alone, so that
        // one is counted as lost and does not block the ones behind it.
        if (batch.length > 1) {
          this.#single = batch.length;
          continue;
        }
        this.#dropped += 1;
        for (const listener of this.#dropListeners) listener(1);
      }
      this.#items.splice(0, batch.length);
    }
    this.#delay = this.#base;
    return 0;
  }

  /** Records tried one by one after a batch failed for a reason other than an outage. */
  #single = 0;

  /** The queue's head: a run of audit rows (one statement), or one usage record. */
  #nextBatch(): QueuedWrite[] {
    if (this.#single > 0) {
      this.#single -= 1;
      return this.#items.slice(0, 1);
    }
    const batch: QueuedWrite[] = [];
    for (const record of this.#items) {
      if (record.kind !== "audit" || batch.length >= BATCH) break;
      batch.push(record);
    }
    return batch.length > 0 ? batch : this.#items.slice(0, 1);
  }

  async #applyBatch(batch: QueuedWrite[]): Promise<void> {
    const [first] = batch;
    if (batch.length === 1 && first) return this.#apply(first, 1);
    const rows = batch.flatMap((record) => (record.kind === "audit" ? [record.row] : []));
    await this.#db.insert(auditEvents).values(rows).onConflictDoNothing({ target: auditEvents.id });
  }

  async #apply(record: QueuedWrite, attempts: number): Promise<void> {
    if (record.kind === "audit") {
      // The id is made once, when the call ends: a retry after a lost acknowledgement inserts nothing.
      await this.#db.insert(auditEvents).values(record.row).onConflictDoNothing({ target: auditEvents.id });
      return;
    }
    // Idempotent by its keys (see metering/keys.ts); one try per drain, the queue does the retrying.
    await recordScanUsage({ ...record.input, db: this.#db, retry: { attempts } });
  }
}
