// A transaction whose BEGIN fails (its pooled connection died between checkout and the first
// statement) must give its pool slot back. drizzle-orm 0.45.4 ran BEGIN outside its try/finally and
// leaked the client (drizzle-orm#6241): a few such failures in a Postgres blip exhausted the pool for
// the life of the process. The project patches it (patches/drizzle-orm@0.45.4.patch); this proves the
// patch on a real Postgres with a real socket cut under a checked-out client.
import { sql } from "drizzle-orm";
import type { PoolClient } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../src/client";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

/** The socket under a node-postgres client (not part of pg's typings). */
const socketOf = (client: PoolClient) =>
  (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream;

describe("a pooled transaction whose BEGIN fails", () => {
  it("discards the dead connection and frees its slot, so the next transaction runs", async () => {
    database = await createTestDatabase({ kind: "postgres" });
    const handle = createDatabase({ url: database.url, poolMax: 1, onPoolError: () => undefined });
    if (handle.kind !== "postgres") throw new Error("expected a Postgres handle");
    let cuts = 0;
    // pg-pool emits `acquire` as it hands a client out: cut that client's socket once, so the
    // transaction's BEGIN is the statement that finds it dead.
    handle.pool.on("acquire", (client) => {
      if (cuts++ === 0) socketOf(client).destroy();
    });
    try {
      await expect(handle.db.transaction(async (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
      expect(cuts).toBe(1);
      // Not leaked and not pooled again: the dead client is gone and nothing waits for a slot.
      expect(handle.pool.totalCount).toBe(0);
      expect(handle.pool.waitingCount).toBe(0);
      // The one slot serves a new connection at once (unpatched, this waited for the 30 s connect
      // timeout behind the leaked client and then failed).
      const result = await handle.db.transaction(async (tx) => tx.execute(sql`select 2 as n`));
      expect(result.rows).toEqual([{ n: 2 }]);
    } finally {
      await handle.close();
    }
  });

  it("still rolls back and frees the slot when the work inside fails", async () => {
    database ??= await createTestDatabase({ kind: "postgres" });
    const handle = createDatabase({ url: database.url, poolMax: 1, onPoolError: () => undefined });
    if (handle.kind !== "postgres") throw new Error("expected a Postgres handle");
    try {
      await handle.db.execute(sql`create table if not exists tx_probe (n int)`);
      await expect(
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`insert into tx_probe values (1)`);
          throw new Error("work failed");
        }),
      ).rejects.toThrow("work failed");
      // Rolled back, and the same (healthy) connection went back to the pool.
      expect((await handle.db.execute(sql`select count(*)::int as n from tx_probe`)).rows).toEqual([
        { n: 0 },
      ]);
      expect(handle.pool.totalCount).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
