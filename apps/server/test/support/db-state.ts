// Reads straight from the database, for what the API deliberately never shows (hashes, External IDs)
// and to prove a rejected request wrote nothing.
import {
  apiKeys,
  auditEvents,
  awsConnections,
  clients,
  schema,
  taggingPolicies,
  usageEvents,
} from "@tagc/db";
import type { Harness } from "../harness";

/** Every row of every table, in a stable order: equal snapshots mean nothing was written. */
export async function snapshotDatabase(h: Harness): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(schema)) {
    const rows = await h.db.select().from(table);
    out[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

export async function keyRow(h: Harness, keyId: string) {
  const rows = await h.db.select().from(apiKeys);
  const row = rows.find((r) => r.id === keyId);
  if (!row) throw new Error(`no api_keys row ${keyId}`);
  return row;
}

export async function clientRow(h: Harness, clientId: string) {
  const rows = await h.db.select().from(clients);
  const row = rows.find((r) => r.id === clientId);
  if (!row) throw new Error(`no clients row ${clientId}`);
  return row;
}

export async function connectionRow(h: Harness, clientId: string) {
  const rows = await h.db.select().from(awsConnections);
  const row = rows.find((r) => r.clientId === clientId);
  if (!row) throw new Error(`no aws_connections row for ${clientId}`);
  return row;
}

export async function policyRows(h: Harness, clientId: string) {
  return (await h.db.select().from(taggingPolicies)).filter((r) => r.clientId === clientId);
}

export async function auditRows(h: Harness, clientId: string) {
  return (await h.db.select().from(auditEvents)).filter((r) => r.clientId === clientId);
}

export async function insertUsage(h: Harness, rows: (typeof usageEvents.$inferInsert)[]) {
  await h.db.insert(usageEvents).values(rows);
}

/** Runs raw SQL on either driver (test set-up the schema does not offer, e.g. a failing trigger). */
export async function execSql(h: Harness, statement: string) {
  const handle = h.database.handle;
  if (handle.kind === "postgres") await handle.pool.query(statement);
  else await handle.pglite.exec(statement);
}

/** Makes every insert into `table` fail inside the database, as a full disk or a lost connection would. */
export async function failInsertsInto(h: Harness, table: string) {
  await execSql(
    h,
    `create or replace function tagc_test_fail() returns trigger language plpgsql as $$
       begin raise exception 'simulated storage failure'; end $$;
     create trigger tagc_test_fail before insert on ${table} for each row execute function tagc_test_fail();`,
  );
  return () => execSql(h, `drop trigger tagc_test_fail on ${table}`);
}
