// The write queue against a real Postgres behind a TCP proxy that is cut and restored: an outage and
// a recovery without touching the shared server. Two tenants' rows go through one queue; each lands
// under its own client, once, in the order it was made.
import { auditEvents, type DatabaseHandle, usageEvents } from "@tagc/db";
import type { TestDatabase } from "@tagc/db/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type QueuedWrite, WriteQueue } from "../../src/writes/queue";
import { type ProxiedDatabase, startProxiedDatabase } from "./proxied-database";
import type { TcpProxy } from "./tcp-proxy";

let fixture: ProxiedDatabase;
let database: TestDatabase;
let proxy: TcpProxy;
let proxied: DatabaseHandle;
let acme: string;
let globex: string;

beforeAll(async () => {
  fixture = await startProxiedDatabase();
  ({ database, proxy, proxied, acme, globex } = fixture);
});

afterAll(async () => {
  await fixture?.close();
});

beforeEach(async () => {
  await proxy.restore().catch(() => undefined);
});

let seq = 0;
function audit(clientId: string, operation: string): QueuedWrite {
  seq += 1;
  return {
    kind: "audit",
    row: {
      id: `evt_wq${Date.now()}${seq}`,
      clientId,
      actor: "system",
      operation,
      params: {},
      outcome: "ok",
      durationMs: 0,
      requestId: `wq-${seq}`,
      // Distinct times, so the order they land in can be read back.
      createdAt: new Date(Date.UTC(2026, 10, 10, 0, 0, seq)),
    },
  };
}

const rowsOf = (clientId: string) =>
  database.handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.clientId, clientId))
    .orderBy(asc(auditEvents.createdAt));

describe("WriteQueue", () => {
  it("writes at once while the database answers", async () => {
    const queue = new WriteQueue({ db: proxied.db });
    expect(await queue.write(audit(acme, "up.now"))).toBe("written");
    expect((await rowsOf(acme)).map((r) => r.operation)).toContain("up.now");
    expect(queue.stats).toEqual({ queued: 0, dropped: 0, written: 0 });
  });

  it("queues through an outage, drops and counts past the bound, and writes in order on its own after", async () => {
    const queue = new WriteQueue({ db: proxied.db, max: 3, baseDelayMs: 50, maxDelayMs: 200 });
    const drops: number[] = [];
    queue.onDrop((count) => drops.push(count));
    await proxy.cut();
    const outcomes = [];
    for (const [client, op] of [
      [acme, "down.1"],
      [globex, "down.2"],
      [acme, "down.3"],
      [globex, "down.4"],
    ] as const)
      outcomes.push(await queue.write(audit(client, op)));
    expect(outcomes).toEqual(["queued", "queued", "queued", "dropped"]);
    expect(drops).toEqual([1]);
    expect(await queue.flush()).toBe(3);
    expect(queue.stats).toMatchObject({ queued: 3, dropped: 1 });

    await proxy.restore();
    const deadline = Date.now() + 10_000;
    while (queue.stats.queued > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(queue.stats).toEqual({ queued: 0, dropped: 1, written: 3 });
    const acmeOps = (await rowsOf(acme)).map((r) => r.operation).filter((op) => op.startsWith("down."));
    const globexOps = (await rowsOf(globex)).map((r) => r.operation).filter((op) => op.startsWith("down."));
    expect(acmeOps).toEqual(["down.1", "down.3"]);
    // The second tenant has only its own row; the dropped one never landed.
    expect(globexOps).toEqual(["down.2"]);
  });

  it("puts a new record behind queued ones rather than ahead of them", async () => {
    const queue = new WriteQueue({ db: proxied.db, baseDelayMs: 10_000 });
    await proxy.cut();
    expect(await queue.write(audit(acme, "order.1"))).toBe("queued");
    await proxy.restore();
    // The database answers again, but order.1 is still waiting: order.2 goes behind it.
    expect(await queue.write(audit(acme, "order.2"))).toBe("queued");
    expect(await queue.flush()).toBe(0);
    const ops = (await rowsOf(acme)).map((r) => r.operation).filter((op) => op.startsWith("order."));
    expect(ops).toEqual(["order.1", "order.2"]);
    queue.stop();
  });

  it("rethrows a failure that is not an outage instead of queueing it", async () => {
    const queue = new WriteQueue({ db: proxied.db });
    await expect(queue.write(audit("cli_doesnotexist", "bad.fk"))).rejects.toThrow();
    expect(queue.stats.queued).toBe(0);
  });

  it("drops only the record that can never be written when a queued batch fails", async () => {
    const queue = new WriteQueue({ db: proxied.db, baseDelayMs: 10_000 });
    await proxy.cut();
    for (const record of [
      audit(acme, "batch.1"),
      audit("cli_doesnotexist", "batch.bad"),
      audit(acme, "batch.3"),
    ])
      expect(await queue.write(record)).toBe("queued");
    await proxy.restore();
    expect(await queue.flush()).toBe(0);
    expect(queue.stats).toEqual({ queued: 0, dropped: 1, written: 2 });
    const ops = (await rowsOf(acme)).map((r) => r.operation).filter((op) => op.startsWith("batch."));
    expect(ops).toEqual(["batch.1", "batch.3"]);
    queue.stop();
  });

  it("replays a queued usage record once, however often it is flushed", async () => {
    const queue = new WriteQueue({ db: proxied.db, baseDelayMs: 10_000 });
    await proxy.cut();
    const usage: QueuedWrite = {
      kind: "usage",
      input: {
        clientId: globex,
        now: new Date(Date.UTC(2026, 10, 10)),
        requestId: "wq-usage-1",
        tool: "check_tag_compliance",
        accountId: "222222222222",
        regions: ["us-east-1"],
        arns: ["arn:aws:s3:::a", "arn:aws:s3:::b"],
      },
    };
    expect(await queue.write(usage)).toBe("queued");
    await proxy.restore();
    expect(await queue.flush()).toBe(0);
    await queue.write(usage);
    const rows = await database.handle.db.select().from(usageEvents).where(eq(usageEvents.clientId, globex));
    expect(rows.map((r) => r.kind).sort()).toEqual(["resource", "resource", "scan"]);
    expect(await database.handle.db.select().from(usageEvents).where(eq(usageEvents.clientId, acme))).toEqual(
      [],
    );
    queue.stop();
  });
});
