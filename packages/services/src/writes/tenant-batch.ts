// Rows of tool calls written off the hot path (audit rows, warm calls' usage events): a call hands
// its row over and answers at once; the rows go to Postgres in one statement per tenant every
// `flushMs` (or as soon as `maxRows` wait), each tenant's rows inside its own scoped transaction
// (row-level security stands, and one tenant's rows are never written under another's client id).
// Durability: a graceful shutdown flushes (index.ts); a crash loses at most the rows of the last
// window. A failed flush loses nothing silently: the rows go to the write queue (which holds them
// through an outage and retries), or, without one, back to the head of the batch for the next flush;
// a row nothing can write is counted through `onDrop` (the metric).
import type { Database } from "@tagc/db";
import { asTenant } from "../scoped";
import type { QueuedWrite, WriteQueue } from "./queue";

export interface TenantBatchOptions {
  db: Database;
  /** The batch window (AUDIT_FLUSH_MS): the most a crash can lose. */
  flushMs?: number;
  /** A batch this large is written at once instead of at the end of the window. */
  maxRows?: number;
  /** Rows held at most while flushes fail without a write queue; past it a row is dropped and counted. */
  maxHeld?: number;
  /** Where rows go when a flush fails: the queue holds them through an outage. */
  writes?: WriteQueue | undefined;
}

/** What one kind of row needs: its statement for one tenant's rows, and its write-queue record. */
export interface RowKind<R> {
  /** Writes one tenant's rows inside its scoped transaction; idempotent (a retry inserts nothing). */
  insert(tx: Database, rows: R[]): Promise<unknown>;
  queued(row: R): QueuedWrite;
}

export class TenantBatch<R extends { clientId: string }> {
  readonly #db: Database;
  readonly #flushMs: number;
  readonly #maxRows: number;
  readonly #maxHeld: number;
  readonly #writes: WriteQueue | undefined;
  readonly #kind: RowKind<R>;
  #rows: R[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #dropped = 0;
  readonly #dropListeners = new Set<(count: number) => void>();

  constructor(options: TenantBatchOptions, kind: RowKind<R>) {
    this.#db = options.db;
    this.#flushMs = options.flushMs ?? 200;
    this.#maxRows = options.maxRows ?? 500;
    this.#maxHeld = options.maxHeld ?? 10_000;
    this.#writes = options.writes;
    this.#kind = kind;
  }

  /** Rows waiting for the next flush, and rows lost (nothing could write them). */
  get stats(): { pending: number; dropped: number } {
    return { pending: this.#rows.length, dropped: this.#dropped };
  }

  /** Called with the number of rows dropped each time one is lost (for the metric). */
  onDrop(listener: (count: number) => void): () => void {
    this.#dropListeners.add(listener);
    return () => this.#dropListeners.delete(listener);
  }

  /** Takes a row; it is written within the window. Never waits for the database. */
  add(row: R): void {
    if (this.#rows.length >= this.#maxHeld) {
      this.#drop(1);
      return;
    }
    this.#rows.push(row);
    if (this.#rows.length >= this.#maxRows) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), this.#flushMs).unref();
  }

  /**
   * Writes every row taken so far (and waits for a flush already under way). For shutdown, after the
   * last request finished, and for tests and the routes that read what was just written.
   */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // Flushes run one after another, so rows land in the order they were taken.
    while (this.#flushing) await this.#flushing;
    if (this.#rows.length === 0) return;
    const batch = this.#rows;
    this.#rows = [];
    this.#flushing = this.#write(batch).finally(() => {
      this.#flushing = undefined;
    });
    await this.#flushing;
  }

  /** Stops the window's timer (rows stay held); `flush()` still works afterwards. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #write(batch: R[]): Promise<void> {
    const byTenant = new Map<string, R[]>();
    for (const row of batch) {
      const rows = byTenant.get(row.clientId);
      if (rows) rows.push(row);
      else byTenant.set(row.clientId, [row]);
    }
    const failed: R[] = [];
    for (const [clientId, rows] of byTenant) {
      try {
        await asTenant(this.#db, clientId, (db) => this.#kind.insert(db, rows));
      } catch {
        failed.push(...rows);
      }
    }
    if (failed.length > 0) await this.#recover(failed);
  }

  async #recover(rows: R[]): Promise<void> {
    const writes = this.#writes;
    if (!writes) {
      // Back to the head, for the next window; past the bound the oldest are the ones kept.
      const room = Math.max(0, this.#maxHeld - this.#rows.length);
      this.#rows = [...rows.slice(0, room), ...this.#rows];
      if (rows.length > room) this.#drop(rows.length - room);
      this.#timer ??= setTimeout(() => void this.flush(), this.#flushMs).unref();
      return;
    }
    for (const row of rows) {
      // The queue writes it now or holds it through an outage (counting what its bound drops); it
      // rethrows only what no retry fixes, counted here.
      await writes.write(this.#kind.queued(row)).catch(() => this.#drop(1));
    }
  }

  #drop(count: number): void {
    this.#dropped += count;
    for (const listener of this.#dropListeners) listener(count);
  }
}
