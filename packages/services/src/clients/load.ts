import { type AwsConnection, awsConnections, type Client, clients, type Database } from "@tagc/db";
import { asc, eq } from "drizzle-orm";
import { notFound } from "../errors";
import { prepared } from "../prepared";

/** Resolves a client by id for the edge (admin routes); offboarded clients are still found. */
export async function loadClient(db: Database, clientId: string): Promise<Client> {
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId)).limit(1);
  if (!client) throw notFound(`client ${clientId}`);
  return client;
}

/** The client's primary (first) AWS connection. */
export async function primaryConnection(db: Database, clientId: string): Promise<AwsConnection> {
  const [connection] = await db
    .select()
    .from(awsConnections)
    .where(eq(awsConnections.clientId, clientId))
    .orderBy(asc(awsConnections.createdAt))
    .limit(1);
  if (!connection) throw notFound(`connection of client ${clientId}`);
  return connection;
}

export async function listConnections(db: Database, clientId: string): Promise<AwsConnection[]> {
  return prepared(db, "connections").execute({ clientId });
}
