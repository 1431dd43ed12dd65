// Background verification of pending clients, safe with any number of replicas: a replica claims due
// connections by writing a short lease under FOR UPDATE SKIP LOCKED, so two replicas never verify the
// same connection at once, and a crashed replica's lease simply runs out.
import { awsConnections, clients, newId } from "@tagc/db";
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import type { ServiceDeps } from "../context";
import { runVerification } from "./run";

export interface SweepOptions {
  deps: ServiceDeps;
  /** This replica's identity, written into the lease. */
  owner: string;
  limit?: number;
  leaseMs?: number;
}

export async function runVerificationSweep({ deps, owner, limit = 10, leaseMs = 60_000 }: SweepOptions) {
  const now = deps.now();
  const { db } = deps;

  const expired = await db
    .update(awsConnections)
    .set({ lastErrorCode: "EXTERNAL_ID_EXPIRED", lastErrorMessage: "External ID expired", nextCheckAt: null })
    .where(
      and(
        eq(awsConnections.status, "pending"),
        isNull(awsConnections.verifiedAt),
        isNotNull(awsConnections.nextCheckAt),
        lte(awsConnections.externalIdExpiresAt, now),
      ),
    )
    .returning({ clientId: awsConnections.clientId });
  if (expired.length) {
    await db
      .update(clients)
      .set({ statusReason: "external_id_expired" })
      .where(
        inArray(
          clients.id,
          expired.map((e) => e.clientId),
        ),
      );
  }

  const claimed = await db.transaction(async (tx) => {
    const due = tx
      .select({ id: awsConnections.id })
      .from(awsConnections)
      .where(
        and(
          eq(awsConnections.status, "pending"),
          lte(awsConnections.nextCheckAt, now),
          or(isNull(awsConnections.leaseExpiresAt), lt(awsConnections.leaseExpiresAt, now)),
        ),
      )
      .orderBy(asc(awsConnections.nextCheckAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    return tx
      .update(awsConnections)
      .set({ leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(awsConnections.id, due))
      .returning();
  });

  const checked: { client_id: string; status: string; error: string | null }[] = [];
  for (const connection of claimed) {
    const [client] = await db.select().from(clients).where(eq(clients.id, connection.clientId)).limit(1);
    if (client?.status !== "pending") continue;
    try {
      const result = await runVerification({
        deps,
        client,
        connection,
        actor: { kind: "system", job: "verification_poll" },
        requestId: newId("job"),
        countFailures: false,
      });
      checked.push({ client_id: client.id, status: result.status, error: result.error?.code ?? null });
    } catch (error) {
      checked.push({ client_id: client.id, status: client.status, error: (error as Error).name });
    }
  }
  return { expired: expired.length, checked };
}
