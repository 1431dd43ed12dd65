// The reads every tool call makes, prepared once per database handle: drizzle then skips rebuilding
// the query (a measurable share of a warm call). Transactions get their own handle, so they miss the
// cache and simply build the query as usual.
import { apiKeys, awsConnections, clients, type Database, taggingPolicies } from "@tagc/db";
import { asc, desc, eq, sql } from "drizzle-orm";

function build(db: Database) {
  return {
    keyByHash: db
      .select({ key: apiKeys, client: clients })
      .from(apiKeys)
      .innerJoin(clients, eq(clients.id, apiKeys.clientId))
      .where(eq(apiKeys.secretHash, sql.placeholder("hash")))
      .limit(1)
      .prepare("tagc_key_by_hash"),
    latestPolicy: db
      .select()
      .from(taggingPolicies)
      .where(eq(taggingPolicies.clientId, sql.placeholder("clientId")))
      .orderBy(desc(taggingPolicies.version))
      .limit(1)
      .prepare("tagc_latest_policy"),
    connections: db
      .select()
      .from(awsConnections)
      .where(eq(awsConnections.clientId, sql.placeholder("clientId")))
      .orderBy(asc(awsConnections.createdAt))
      .prepare("tagc_connections"),
  };
}

const cache = new WeakMap<Database, ReturnType<typeof build>>();

export function prepared(db: Database) {
  let statements = cache.get(db);
  if (!statements) {
    statements = build(db);
    cache.set(db, statements);
  }
  return statements;
}
