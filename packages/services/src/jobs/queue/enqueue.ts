import { type Database, type JobKind, type JsonObject, jobs } from "@tagc/db";

export interface EnqueueJob {
  clientId: string;
  kind: JobKind;
  payload?: JsonObject;
  runAt: Date;
  /** One row per key, ever (until purged): enqueueing a key twice, from any replica, is a no-op. */
  dedupeKey?: string | null;
  maxAttempts?: number;
}

/**
 * Inserts the jobs whose dedupe key is new; returns the ids of the rows actually inserted. Two
 * replicas ticking at the same instant both run this, and `on conflict do nothing` on the unique key
 * leaves exactly one row.
 */
export async function enqueueJobs(db: Database, entries: readonly EnqueueJob[]): Promise<string[]> {
  if (!entries.length) return [];
  const rows = await db
    .insert(jobs)
    .values(
      entries.map((entry) => ({
        clientId: entry.clientId,
        kind: entry.kind,
        payload: entry.payload ?? {},
        runAt: entry.runAt,
        dedupeKey: entry.dedupeKey ?? null,
        ...(entry.maxAttempts ? { maxAttempts: entry.maxAttempts } : {}),
      })),
    )
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows.map((row) => row.id);
}
