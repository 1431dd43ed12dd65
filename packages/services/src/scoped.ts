// The tenant path to the database, with row-level security as the backstop under every query's own
// client_id filter: one transaction that runs as the tagc_app role with app.client_id set to the
// context's client (migrations/0006_row_level_security.sql), so a query that forgets its filter
// returns only this tenant's rows and a write of another tenant's client_id is refused. Both settings
// are transaction-local: the pooled connection goes back to the system identity on commit.
// Never wrap work that calls AWS: the transaction would be held open across it.
import type { Database } from "@tagc/db";
import { sql } from "drizzle-orm";
import type { ClientCtx } from "./context";

/** Created by the migration; the policies grant it one tenant's rows only. */
export const TENANT_ROLE = "tagc_app";

/** Runs `work` with a context whose database is the tenant-scoped transaction. */
export async function scoped<T>(ctx: ClientCtx, work: (ctx: ClientCtx) => Promise<T>): Promise<T> {
  return asTenant(ctx.deps.db, ctx.client.id, (db) => work({ ...ctx, deps: { ...ctx.deps, db } }));
}

/** The same transaction for work that has a client id but no request context (the audit batch). */
export async function asTenant<T>(db: Database, clientId: string, work: (tx: Database) => Promise<T>) {
  return db.transaction(async (tx): Promise<T> => {
    await tx.execute(
      sql`select set_config('role', ${TENANT_ROLE}, true), set_config('app.client_id', ${clientId}, true)`,
    );
    return work(tx);
  });
}

/** A verb `{ ctx, input }` whose whole database work runs in scoped(ctx). */
export function tenantScoped<A extends { ctx: ClientCtx }, R>(verb: (args: A) => Promise<R>) {
  return (args: A): Promise<R> => scoped(args.ctx, (ctx) => verb({ ...args, ctx }));
}
