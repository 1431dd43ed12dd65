import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { type Assume, type ExtractTablesWithRelations, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { type Schema, schema } from "./schema";

/**
 * What both drivers' raw results have in common: `db.execute(sql…)` resolves to `{ rows }` on node-postgres
 * (a pg `QueryResult`) and on PGlite (its `Results`), so raw queries are typed for either driver.
 */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<Assume<this["row"], Record<string, unknown>>>;
}
export interface RowsResult<Row> {
  rows: Row[];
}

/**
 * The one database type callers use, whichever driver is underneath: both drivers' databases are a
 * `PgDatabase` over the same schema, so services are written once for Postgres and PGlite.
 */
export type Database = PgDatabase<RowsResultHKT, Schema>;

/** The `tx` of `db.transaction(async (tx) => …)`. It is also a `Database`, so helpers can take either. */
export type Tx = PgTransaction<RowsResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseOptions {
  /** A postgres:// URL. When set, a node-postgres Pool is used and `dataDir` is ignored. */
  url?: string | undefined;
  /** PGlite data folder (a filesystem path) for the embedded default; undefined or "memory://" keeps it in memory. */
  dataDir?: string | undefined;
  /** Pool size on Postgres (node-postgres default: 10). */
  poolMax?: number | undefined;
  /** Errors of idle pooled connections, e.g. after a Postgres restart (for logging); the pool discards them. */
  onPoolError?: ((error: Error) => void) | undefined;
}

interface HandleBase {
  db: Database;
  /** Ends the pool or closes PGlite. Safe to call more than once. */
  close(): Promise<void>;
  /** True when the database answers a trivial query (readiness probe); never throws. */
  ping(): Promise<boolean>;
}

/** The raw driver is exposed for what drizzle does not cover (advisory locks, the migrator). */
export type DatabaseHandle =
  | (HandleBase & { kind: "postgres"; pool: Pool })
  | (HandleBase & { kind: "pglite"; pglite: PGlite });

function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= run();
    return done;
  };
}

/** Opens the database: Postgres when `url` is set, else PGlite (the embedded, no-server default). */
export function createDatabase(options: DatabaseOptions = {}): DatabaseHandle {
  if (options.url) {
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolMax,
      // Under a burst, queries wait for a pooled connection rather than fail; the readiness probe
      // bounds itself (see ping) so an unreachable Postgres still answers "not ready" quickly.
      connectionTimeoutMillis: 30_000,
    });
    // node-postgres emits `error` when an idle connection dies; unhandled, that event kills the process,
    // but a Postgres restart must only degrade answers.
    pool.on("error", (error) => options.onPoolError?.(error));
    // The pool listens on idle connections only. One checked out between two statements (a
    // transaction awaiting the app) that Postgres terminates emits `error` on the client itself, and
    // with no listener that crashed the process; its next query fails and the caller gets a 503.
    pool.on("connect", (client) => client.on("error", (error) => options.onPoolError?.(error)));
    const db: Database = drizzleNodePg({ client: pool, schema });
    return { kind: "postgres", pool, db, close: once(() => pool.end()), ping: () => ping(db) };
  }
  const dataDir = options.dataDir === "memory://" ? undefined : options.dataDir;
  // PGlite creates only the last folder of the path; a fresh install's data folder may not exist yet.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  const db: Database = drizzlePglite({ client: pglite, schema });
  return { kind: "pglite", pglite, db, close: once(() => pglite.close()), ping: () => ping(db) };
}

// Short: a load balancer must see "not ready" at once when Postgres stops answering, not after the
// pool's 30 s connect timeout.
const PING_TIMEOUT_MS = 1_000;

async function ping(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("ping timed out")), PING_TIMEOUT_MS);
    });
    await Promise.race([db.execute(sql`select 1`), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
