import { type ApiKey, apiKeys, type Database } from "@tagc/db";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";

/**
 * A key of this client; another client's key id is "not found", never "forbidden". Callers change the
 * key in the same transaction, so the row is locked: two concurrent rotations of one key would
 * otherwise both see it active and each mint a successor.
 */
export async function findClientKey(db: Database, clientId: string, keyId: string): Promise<ApiKey> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.clientId, clientId), eq(apiKeys.id, keyId)))
    .limit(1)
    .for("update");
  if (!row) throw notFound(`api key ${keyId}`);
  return row;
}
