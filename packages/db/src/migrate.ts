import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./client";

/** The committed SQL migrations at the repository root, written by `drizzle-kit generate`. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../migrations", import.meta.url));

// Any constant shared by every process of this service; it only has to differ from other advisory
// locks taken on the same database.
const MIGRATION_LOCK_ID = "7461676301";

export interface MigrateOptions {
  /** Override the folder, e.g. when the code is bundled and the repository layout is gone. */
  migrationsFolder?: string | undefined;
}

/**
 * Applies the pending migrations; a no-op when all are applied. Safe when several replicas start at
 * once: drizzle's migrator reads the last applied migration before its transaction, so two concurrent
 * runs would both apply the same migration. On Postgres an advisory lock, held on the connection that
 * runs the migrator, makes the second run wait and then find nothing to do.
 */
export async function migrate(handle: DatabaseHandle, options: MigrateOptions = {}): Promise<void> {
  const config = { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER };
  if (handle.kind === "pglite") {
    const { pglite } = handle;
    return serialized(pglite, () => migratePglite(drizzlePglite({ client: pglite }), config));
  }
  const connection = await handle.pool.connect();
  let broken: Error | undefined;
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    try {
      await migrateNodePg(drizzleNodePg({ client: connection }), config);
    } finally {
      await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
    }
  } catch (error) {
    // A connection that failed mid-way may still hold the lock: destroy it rather than pool it.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    connection.release(broken);
  }
}

// PGlite lives in this process only, so an in-process queue is the lock: one migration run at a time
// per instance.
const pgliteRuns = new WeakMap<PGlite, Promise<void>>();

function serialized(pglite: PGlite, run: () => Promise<void>): Promise<void> {
  const previous = pgliteRuns.get(pglite) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  pgliteRuns.set(pglite, next);
  return next;
}
