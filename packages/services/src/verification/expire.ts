// An External ID never verified stops being accepted 48 hours after registration (ONBOARDING.md).
// Shared by the verification sweep and the job scheduler's tick; idempotent, so every replica may run it.
import { awsConnections, clients, type Database } from "@tagc/db";
import { and, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";

/** Marks the pending connections whose External ID expired and stops polling them; returns how many. */
export async function expireUnusedExternalIds(db: Database, now: Date): Promise<number> {
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
  return expired.length;
}
