import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableName, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase, type Database, type DatabaseHandle } from "../src/client";
import { MIGRATIONS_FOLDER, migrate } from "../src/migrate";
import { schema } from "../src/schema";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { KINDS } from "./kinds";

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}
const journal: Journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"));

async function appliedCount(db: Database): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return Number(result.rows[0]?.count);
}

async function publicTables(db: Database): Promise<string[]> {
  const result = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return result.rows.map((row) => row.name);
}

const schemaTables = Object.values(schema)
  .map((table) => getTableName(table))
  .sort();

describe("the migrations folder", () => {
  it("is ordered by creation time, as drizzle's migrator assumes", () => {
    // The migrator skips any migration whose `when` is not after the last applied one: a migration
    // generated on a machine with a lagging clock would silently never run.
    const whens = journal.entries.map((entry) => entry.when);
    expect(whens).toEqual([...whens].sort((a, b) => a - b));
    expect(new Set(whens).size).toBe(whens.length);
    expect(journal.entries.map((entry) => entry.idx)).toEqual(journal.entries.map((_, index) => index));
  });
});

describe.each(KINDS)("migrate on %s", (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const run of cleanup.splice(0).reverse()) await run();
  });
  async function emptyDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase({ kind, migrate: false });
    cleanup.push(database.drop);
    return database;
  }

  it("creates every table, and a second run changes nothing", async () => {
    const { handle } = await emptyDatabase();
    expect(await publicTables(handle.db)).toEqual([]);
    await migrate(handle);
    expect(await publicTables(handle.db)).toEqual(schemaTables);
    expect(await appliedCount(handle.db)).toBe(journal.entries.length);
    await migrate(handle);
    expect(await publicTables(handle.db)).toEqual(schemaTables);
    expect(await appliedCount(handle.db)).toBe(journal.entries.length);
  });

  it("is safe when several runs start at once", async () => {
    const database = await emptyDatabase();
    // On Postgres each handle is its own pool, as with replicas starting together; PGlite has one handle.
    const handles: DatabaseHandle[] = [database.handle];
    if (kind === "postgres") {
      for (let i = 0; i < 3; i++) {
        const other = createDatabase({ url: database.url });
        cleanup.push(other.close);
        handles.push(other);
      }
    } else {
      handles.push(database.handle, database.handle);
    }
    await Promise.all(handles.map((handle) => migrate(handle)));
    expect(await appliedCount(database.handle.db)).toBe(journal.entries.length);
    expect(await publicTables(database.handle.db)).toEqual(schemaTables);
  });

  it("rolls back a failing migration and leaves no lock behind", async () => {
    const database = await emptyDatabase();
    const folder = mkdtempSync(join(tmpdir(), "tagc-migrations-"));
    cleanup.push(async () => rmSync(folder, { recursive: true, force: true }));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const last = journal.entries.at(-1)!;
    const broken = {
      idx: last.idx + 1,
      version: "7",
      when: last.when + 1,
      tag: "9999_broken",
      breakpoints: true,
    };
    writeFileSync(
      join(folder, "meta/_journal.json"),
      JSON.stringify({ ...journal, entries: [...journal.entries, broken] }),
    );
    writeFileSync(
      join(folder, "9999_broken.sql"),
      "CREATE TABLE ok_then_fail (id int);\n--> statement-breakpoint\nSELECT no_such_function();\n",
    );

    await expect(migrate(database.handle, { migrationsFolder: folder })).rejects.toThrow();
    // Migrations run in one transaction: nothing of the failed run stays, not even the good migrations.
    expect(await publicTables(database.handle.db)).toEqual([]);

    // A second process can still take the lock and migrate (a leaked lock would hang here until timeout).
    const other = kind === "postgres" ? createDatabase({ url: database.url }) : database.handle;
    if (other !== database.handle) cleanup.push(other.close);
    await migrate(other);
    expect(await publicTables(database.handle.db)).toEqual(schemaTables);
  });
});
