import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDatabase, type Database, type Tx } from "../src/client";
import { migrate } from "../src/migrate";
import { clients } from "../src/schema";
import { createClient, createTestDatabase } from "../src/testing";
import { KINDS, useTestDatabase } from "./kinds";

describe.each(KINDS)("createDatabase on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("reports its kind and answers ping", async () => {
    const { handle } = database();
    expect(handle.kind).toBe(kind);
    expect(await handle.ping()).toBe(true);
  });

  it("commits a transaction, and rolls it back when the callback throws", async () => {
    const { db } = database().handle;
    // Helpers typed with `Database` accept the `tx` too: one shared type for both drivers.
    const insertIn = (executor: Database, name: string) => createClient(executor, { name });
    const committed = await db.transaction((tx: Tx) => insertIn(tx, "committed"));
    const failure = new Error("abort");
    await expect(
      db.transaction(async (tx: Tx) => {
        await insertIn(tx, "rolled back");
        throw failure;
      }),
    ).rejects.toBe(failure);
    const names = await db
      .select({ name: clients.name })
      .from(clients)
      .where(sql`${clients.name} in ('committed', 'rolled back')`);
    expect(names).toEqual([{ name: "committed" }]);
    expect(committed.name).toBe("committed");
  });

  it("closes once, however often close is called, and then fails ping", async () => {
    const { handle, drop } = await createTestDatabase({ kind, migrate: false });
    await Promise.all([handle.close(), handle.close()]);
    await handle.close();
    expect(await handle.ping()).toBe(false);
    await drop();
  });
});

describe("createDatabase on postgres", () => {
  it("answers ping false, without hanging, when the server is unreachable", async () => {
    const handle = createDatabase({ url: "postgres://postgres@127.0.0.1:1/none" });
    expect(await handle.ping()).toBe(false);
    await handle.close();
  });

  it("survives a pooled connection dying (as on a Postgres restart) and reconnects", async () => {
    const { url, drop } = await createTestDatabase({ kind: "postgres", migrate: false });
    const onPoolError = vi.fn();
    const handle = createDatabase({ url, onPoolError });
    const killer = createDatabase({ url });
    try {
      const [row] = (await handle.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows;
      // The connection is idle in the pool now; without an error listener its death would crash the process.
      await killer.db.execute(sql`select pg_terminate_backend(${row?.pid}::int)`);
      await vi.waitFor(() => expect(onPoolError).toHaveBeenCalled());
      expect(await handle.ping()).toBe(true);
    } finally {
      await handle.close();
      await killer.close();
      await drop();
    }
  });
});

describe("createDatabase on pglite with a data directory", () => {
  const root = mkdtempSync(join(tmpdir(), "tagc-pglite-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("creates the folder and keeps its rows across restarts", async () => {
    const dataDir = join(root, "not", "there", "yet");
    const first = createDatabase({ dataDir });
    await migrate(first);
    const client = await createClient(first.db, { name: "persisted" });
    await first.close();

    const second = createDatabase({ dataDir });
    try {
      expect(second.kind).toBe("pglite");
      await migrate(second);
      const rows = await second.db.select().from(clients).where(eq(clients.id, client.id));
      expect(rows).toEqual([client]);
    } finally {
      await second.close();
    }
  });
});
