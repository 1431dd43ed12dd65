import { type Client, clients, type Database } from "@tagc/db";
import { eq } from "drizzle-orm";

/**
 * The job's client as it is now, or null when it was offboarded (or never existed) after the job was
 * queued. Every handler starts here: a deleted client's queued work does nothing and writes nothing.
 */
export async function liveClient(db: Database, clientId: string): Promise<Client | null> {
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId)).limit(1);
  return client && client.status !== "deleted" ? client : null;
}

/** A client whose role we may use: the same rule as the scanning tools' targets. */
export const isUsable = (client: Pick<Client, "status">) =>
  client.status === "connected" || client.status === "degraded";
