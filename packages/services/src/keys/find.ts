import { type ApiKey, apiKeys, type Database } from "@tagc/db";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";

/** A key of this client; another client's key id is "not found", never "forbidden". */
export async function findClientKey(db: Database, clientId: string, keyId: string): Promise<ApiKey> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.clientId, clientId), eq(apiKeys.id, keyId)))
    .limit(1);
  if (!row) throw notFound(`api key ${keyId}`);
  return row;
}
