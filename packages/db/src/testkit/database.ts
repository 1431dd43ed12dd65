import { randomBytes } from "node:crypto";
import { Client as PgClient } from "pg";
import { createDatabase, type DatabaseHandle } from "../client";
import { migrate } from "../migrate";
import { testDatabaseUrl } from "./env";

export type DatabaseKind = DatabaseHandle["kind"];

export interface TestDatabaseOptions {
  kind: DatabaseKind;
  /** Server to create the database on (Postgres only); defaults to TEST_DATABASE_URL. */
  baseUrl?: string | undefined;
  /** Apply the migrations (default true); false leaves an empty database, to test `migrate` itself. */
  migrate?: boolean | undefined;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The new database's URL on Postgres; "memory://" for PGlite. */
  url: string;
  /** Closes the handle and drops the database. Safe to call more than once. */
  drop(): Promise<void>;
}

/**
 * A fresh database per call: on Postgres a new uniquely named database (`tagc_t_<random>`) on the test
 * server, so parallel test files and concurrent runs never share rows; on PGlite a new in-memory
 * instance.
 */
export async function createTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  if (options.kind === "pglite") {
    const handle = createDatabase({ dataDir: "memory://" });
    await prepare(handle, options, () => handle.close());
    return { handle, url: "memory://", drop: () => handle.close() };
  }

  const base = options.baseUrl ?? testDatabaseUrl();
  const name = `tagc_t_${randomBytes(8).toString("hex")}`;
  const adminUrl = withDatabase(base, "postgres");
  // The name is ours (hex only), so quoting it as an identifier is safe.
  await adminQuery(adminUrl, `create database "${name}"`);

  const url = withDatabase(base, name);
  const handle = createDatabase({ url, poolMax: 4 });
  let dropped: Promise<void> | undefined;
  const drop = () => {
    dropped ??= (async () => {
      await handle.close();
      // FORCE ends sessions a failed test may have left open (Postgres 13+).
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    })();
    return dropped;
  };
  await prepare(handle, options, drop);
  return { handle, url, drop };
}

async function prepare(handle: DatabaseHandle, options: TestDatabaseOptions, drop: () => Promise<void>) {
  if (options.migrate === false) return;
  try {
    await migrate(handle);
  } catch (error) {
    await drop();
    throw error;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new PgClient({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
