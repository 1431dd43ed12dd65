// The reads every tool call makes, prepared once per database handle: drizzle then skips rebuilding
// the query (a measurable share of a warm call). A transaction is a handle of its own, so it misses
// the cache: each statement is therefore built on first use, and a transaction that reads one of
// them builds that one only, not all three (building all three per transaction was ~0.4 ms of CPU
// per warm call).
import { apiKeys, awsConnections, clients, type Database, taggingPolicies } from "@tagc/db";
import { asc, desc, eq, sql } from "drizzle-orm";

const builders = {
  keyByHash: (db: Database) =>
    db
      .select({ key: apiKeys, client: clients })
      .from(apiKeys)
      .innerJoin(clients, eq(clients.id, apiKeys.clientId))
      .where(eq(apiKeys.secretHash, sql.placeholder("hash")))
      .limit(1)
      .prepare("tagc_key_by_hash"),
  latestPolicy: (db: Database) =>
    db
      .select()
      .from(taggingPolicies)
      .where(eq(taggingPolicies.clientId, sql.placeholder("clientId")))
      .orderBy(desc(taggingPolicies.version))
      .limit(1)
      .prepare("tagc_latest_policy"),
  connections: (db: Database) =>
    db
      .select()
      .from(awsConnections)
      .where(eq(awsConnections.clientId, sql.placeholder("clientId")))
      .orderBy(asc(awsConnections.createdAt))
      .prepare("tagc_connections"),
};

type Statements = { [K in keyof typeof builders]: ReturnType<(typeof builders)[K]> };

const cache = new WeakMap<Database, Partial<Statements>>();

/** The prepared statement `name` on `db`, built the first time this handle asks for it. */
export function prepared<K extends keyof Statements>(db: Database, name: K): Statements[K] {
  let statements = cache.get(db);
  if (!statements) {
    statements = {};
    cache.set(db, statements);
  }
  statements[name] ??= builders[name](db) as Statements[K];
  return statements[name] as Statements[K];
}
