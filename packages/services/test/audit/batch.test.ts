// The audit batch against a real Postgres behind a TCP proxy that is cut and restored. Rows of two
// tenants go through one batch; each lands under its own client, written as that tenant (a trigger
// logs the role and app.client_id of every insert), and a failed flush loses nothing
// silently: the rows wait in the write queue, or in the batch itself, until the database returns.
import { auditEvents, type DatabaseHandle } from "@tagc/db";
import type { TestDatabase } from "@tagc/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuditBatch, type AuditRow } from "../../src/audit/batch";
import { WriteQueue } from "../../src/writes/queue";
import { type ProxiedDatabase, startProxiedDatabase } from "../runtime/proxied-database";
import type { TcpProxy } from "../runtime/tcp-proxy";

let fixture: ProxiedDatabase;
let database: TestDatabase;
let proxy: TcpProxy;
let proxied: DatabaseHandle;
let acme: string;
let globex: string;

beforeAll(async () => {
  fixture = await startProxiedDatabase();
  ({ database, proxy, proxied, acme, globex } = fixture);
  // Who wrote each audit row: the batch must write as tagc_app with the row's own client id.
  await database.handle.db.execute(
    sql.raw(`create table audit_writers (id text primary key, writer text, scoped_client text);
      grant insert on audit_writers to tagc_app;
      create function tagc_log_writer() returns trigger language plpgsql as $$
        begin
          insert into audit_writers values (new.id, current_user, current_setting('app.client_id', true));
          return new;
        end $$;
      create trigger tagc_log_writer before insert on audit_events for each row execute function tagc_log_writer();`),
  );
});

afterAll(async () => {
  await fixture?.close();
});

beforeEach(async () => {
  await proxy.restore().catch(() => undefined);
});

let seq = 0;
function row(clientId: string, operation: string): AuditRow {
  seq += 1;
  return {
    id: `evt_ab${Date.now()}${seq}`,
    clientId,
    actor: "api_key",
    operation,
    params: {},
    outcome: "ok",
    durationMs: 1,
    requestId: `ab-${seq}`,
    createdAt: new Date(Date.UTC(2026, 10, 10, 0, 0, seq)),
  };
}

const opsOf = async (clientId: string, prefix: string) =>
  (
    await database.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clientId, clientId))
      .orderBy(asc(auditEvents.createdAt))
  )
    .map((r) => r.operation)
    .filter((op) => op.startsWith(prefix));

const until = async (done: () => Promise<boolean>) => {
  const deadline = Date.now() + 10_000;
  while (!(await done()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
};

describe("AuditBatch", () => {
  it("holds rows until the window ends, then writes each tenant's rows as that tenant", async () => {
    const batch = new AuditBatch({ db: proxied.db, flushMs: 300 });
    batch.add(row(acme, "win.1"));
    batch.add(row(globex, "win.2"));
    batch.add(row(acme, "win.3"));
    // Nothing is written within the window: the call that made a row did not wait for it.
    expect(await opsOf(acme, "win.")).toEqual([]);
    expect(batch.stats).toEqual({ pending: 3, dropped: 0 });
    await until(async () => (await opsOf(acme, "win.")).length + (await opsOf(globex, "win.")).length === 3);
    expect(await opsOf(acme, "win.")).toEqual(["win.1", "win.3"]);
    // The second tenant sees only its own row, and acme's rows never carry its id.
    expect(await opsOf(globex, "win.")).toEqual(["win.2"]);
    const writers = (await database.handle.db.execute(
      sql.raw(
        "select e.client_id, w.writer, w.scoped_client from audit_events e join audit_writers w using (id) where e.operation like 'win.%'",
      ),
    )) as unknown as { rows: { client_id: string; writer: string; scoped_client: string }[] };
    expect(writers.rows).toHaveLength(3);
    for (const w of writers.rows) expect(w).toEqual({ ...w, writer: "tagc_app", scoped_client: w.client_id });
    expect(batch.stats).toEqual({ pending: 0, dropped: 0 });
  });

  it("writes as soon as a batch is full, without waiting for the window", async () => {
    const batch = new AuditBatch({ db: proxied.db, flushMs: 60_000, maxRows: 3 });
    for (const op of ["full.1", "full.2", "full.3"]) batch.add(row(globex, op));
    await until(async () => (await opsOf(globex, "full.")).length === 3);
    expect(await opsOf(globex, "full.")).toEqual(["full.1", "full.2", "full.3"]);
    expect(await opsOf(acme, "full.")).toEqual([]);
    batch.stop();
  });

  it("flush() writes what is held at once", async () => {
    const batch = new AuditBatch({ db: proxied.db, flushMs: 60_000 });
    batch.add(row(acme, "now.1"));
    await batch.flush();
    expect(await opsOf(acme, "now.")).toEqual(["now.1"]);
    expect(batch.stats.pending).toBe(0);
  });

  it("keeps a failed batch and writes it on a later flush when there is no write queue", async () => {
    const batch = new AuditBatch({ db: proxied.db, flushMs: 60_000 });
    await proxy.cut();
    batch.add(row(acme, "keep.1"));
    batch.add(row(globex, "keep.2"));
    await batch.flush();
    expect(batch.stats).toEqual({ pending: 2, dropped: 0 });
    await proxy.restore();
    batch.add(row(acme, "keep.3"));
    await batch.flush();
    expect(batch.stats).toEqual({ pending: 0, dropped: 0 });
    expect(await opsOf(acme, "keep.")).toEqual(["keep.1", "keep.3"]);
    expect(await opsOf(globex, "keep.")).toEqual(["keep.2"]);
  });

  it("hands a failed batch to the write queue, which writes it when the database returns", async () => {
    const writes = new WriteQueue({ db: proxied.db, baseDelayMs: 10_000 });
    const batch = new AuditBatch({ db: proxied.db, flushMs: 60_000, writes });
    await proxy.cut();
    batch.add(row(acme, "queued.1"));
    batch.add(row(globex, "queued.2"));
    await batch.flush();
    expect(batch.stats).toEqual({ pending: 0, dropped: 0 });
    expect(writes.stats.queued).toBe(2);
    await proxy.restore();
    expect(await writes.flush()).toBe(0);
    expect(await opsOf(acme, "queued.")).toEqual(["queued.1"]);
    expect(await opsOf(globex, "queued.")).toEqual(["queued.2"]);
    writes.stop();
  });

  it("counts a row nothing can write instead of losing it silently, and writes the rest", async () => {
    const writes = new WriteQueue({ db: proxied.db });
    const batch = new AuditBatch({ db: proxied.db, flushMs: 60_000, writes });
    const drops: number[] = [];
    batch.onDrop((count) => drops.push(count));
    batch.add(row(acme, "bad.1"));
    batch.add(row("cli_doesnotexist", "bad.2"));
    await batch.flush();
    expect(drops).toEqual([1]);
    expect(batch.stats).toEqual({ pending: 0, dropped: 1 });
    expect(await opsOf(acme, "bad.")).toEqual(["bad.1"]);
  });
});
