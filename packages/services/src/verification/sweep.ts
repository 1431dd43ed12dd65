// Background verification of pending clients, safe with any number of replicas: a replica claims due
// connections by writing a short lease under FOR UPDATE SKIP LOCKED, so two replicas never verify the
// same connection at once, and a crashed replica's lease simply runs out.
import { awsConnections, clients, newId } from "@tagc/db";
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import type { ServiceDeps } from "../context";
import { expireUnusedExternalIds } from "./expire";
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

  const expired = await expireUnusedExternalIds(db, now);

  const claimed = await db.transaction(async (tx) => {
    const due = tx
      .select({ id: awsConnections.id })
      .from(awsConnections)
      .where(
        and(
          eq(awsConnections.status, "pending"),
          lte(awsConnections.nextCheckAt, now),
          or(isNull(awsConnections.leaseExpiresAt), lt(awsConnections.leaseExpiresAt, now)),
          // Without an account id or a role ARN there is no role to assume until an admin verifies
          // with role_arn. Such a row would fail before any AWS call, keep its (oldest) next check,
          // and be claimed first on every sweep, starving every other pending client.
          or(isNotNull(awsConnections.roleArn), isNotNull(awsConnections.accountId)),
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
  return { expired, checked };
}
