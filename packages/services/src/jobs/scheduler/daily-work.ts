// The per-client daily jobs: the health check and policy sync, then (30 minutes later, so a revoked
// role is already marked and a changed policy already stored) the daily snapshot.
import { awsConnections, clients, type Database, type JobKind, taggingPolicies } from "@tagc/db";
import { and, desc, eq, exists, inArray, lte } from "drizzle-orm";
import { enqueueJobs } from "../queue/enqueue";
import { dayOf, latestDailyAt } from "./daily-time";

export const PREPARE_LEAD_MINUTES = 30;

/**
 * Connected or degraded clients verified before `at`: a client onboarded after today's time waits for
 * tomorrow rather than getting a "daily" job for a day it was not yet a customer.
 */
function clientsConnectedBefore(db: Database, at: Date) {
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
  const prepared = (await clientsConnectedBefore(db, prepareAt)).map((c) => c.id);
  const imported = await importedPolicyClients(db, prepared);
  const snapshotted = (await clientsConnectedBefore(db, snapshotAt)).map((c) => c.id);
  const [health, sync, snapshots] = await Promise.all([
    enqueueJobs(
      db,
      prepared.map((id) => entry("connection_health", id, prepareAt)),
    ),
    enqueueJobs(
      db,
      imported.map((id) => entry("policy_sync", id, prepareAt)),
    ),
    enqueueJobs(
      db,
      snapshotted.map((id) => entry("daily_snapshot", id, snapshotAt)),
    ),
  ]);
  return { connection_health: health.length, policy_sync: sync.length, daily_snapshot: snapshots.length };
}
