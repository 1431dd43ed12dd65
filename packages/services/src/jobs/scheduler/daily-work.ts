// The per-client daily jobs: the health check and policy sync, then (30 minutes later, so a revoked
// role is already marked and a changed policy already stored) the daily snapshot.
import { awsConnections, clients, type Database, type JobKind, jobs, taggingPolicies } from "@tagc/db";
import { and, desc, eq, exists, inArray, lte, notExists, sql } from "drizzle-orm";
import { enqueueJobs } from "../queue/enqueue";
import { dayOf, latestDailyAt } from "./daily-time";

export const PREPARE_LEAD_MINUTES = 30;

/**
 * Connected or degraded clients verified before `at` that do not have this day's `kind` job yet. A
 * client onboarded after today's time waits for tomorrow rather than getting a "daily" job for a day it
 * was not yet a customer. Leaving out those already queued keeps a tick cheap (an index probe per
 * client) once the day's jobs exist; the unique dedupe key still settles concurrent ticks.
 */
function clientsDue(db: Database, at: Date, kind: JobKind) {
  const key = sql`${kind} || ':' || ${clients.id} || ':' || ${dayOf(at)}`;
  return db
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        inArray(clients.status, ["connected", "degraded"]),
        exists(
          db
            .select({ id: awsConnections.id })
            .from(awsConnections)
            .where(and(eq(awsConnections.clientId, clients.id), lte(awsConnections.verifiedAt, at))),
        ),
        notExists(db.select({ id: jobs.id }).from(jobs).where(eq(jobs.dedupeKey, key))),
      ),
    );
}

/** Of these clients, those whose current (highest-version) policy was imported from Organizations. */
async function importedPolicyClients(db: Database, clientIds: string[]): Promise<string[]> {
  if (!clientIds.length) return [];
  const latest = await db
    .selectDistinctOn([taggingPolicies.clientId], {
      clientId: taggingPolicies.clientId,
      source: taggingPolicies.source,
    })
    .from(taggingPolicies)
    .where(inArray(taggingPolicies.clientId, clientIds))
    .orderBy(taggingPolicies.clientId, desc(taggingPolicies.version));
  return latest.filter((row) => row.source === "imported").map((row) => row.clientId);
}

export async function enqueueDailyWork(db: Database, now: Date, snapshotMinute: number, maxAttempts: number) {
  const entry = (kind: JobKind, clientId: string, at: Date) => ({
    clientId,
    kind,
    payload: { date: dayOf(at) },
    runAt: at,
    dedupeKey: `${kind}:${clientId}:${dayOf(at)}`,
    maxAttempts,
  });
  const prepareAt = latestDailyAt(now, snapshotMinute - PREPARE_LEAD_MINUTES);
  const snapshotAt = latestDailyAt(now, snapshotMinute);
  const ids = async (at: Date, kind: JobKind) => (await clientsDue(db, at, kind)).map((c) => c.id);
  const checked = await ids(prepareAt, "connection_health");
  const synced = await importedPolicyClients(db, await ids(prepareAt, "policy_sync"));
  const snapshotted = await ids(snapshotAt, "daily_snapshot");
  const [health, sync, snapshots] = await Promise.all([
    enqueueJobs(
      db,
      checked.map((id) => entry("connection_health", id, prepareAt)),
    ),
    enqueueJobs(
      db,
      synced.map((id) => entry("policy_sync", id, prepareAt)),
    ),
    enqueueJobs(
      db,
      snapshotted.map((id) => entry("daily_snapshot", id, snapshotAt)),
    ),
  ]);
  return { connection_health: health.length, policy_sync: sync.length, daily_snapshot: snapshots.length };
}
