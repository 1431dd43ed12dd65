// Warm calls' scan usage events through their batch, against a real Postgres behind a TCP proxy
// that is cut and restored: two tenants' events go through one batch and each lands under its own
// client only, a retried call's event counts once, and a flush that fails hands its events to the
// write queue, which writes them when the database returns.
import { type DatabaseHandle, usageEvents } from "@tagc/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ScanEvent, UsageBatch } from "../src/metering/batch";
import { WriteQueue } from "../src/writes/queue";
import { type ProxiedDatabase, startProxiedDatabase } from "./runtime/proxied-database";
import type { TcpProxy } from "./runtime/tcp-proxy";

let fixture: ProxiedDatabase;
let proxy: TcpProxy;
let proxied: DatabaseHandle;
let direct: DatabaseHandle;
let acme: string;
let globex: string;

beforeAll(async () => {
  fixture = await startProxiedDatabase();
  ({ proxy, proxied, acme, globex } = fixture);
  direct = fixture.database.handle;
});
afterAll(async () => {
  await fixture?.close();
});
beforeEach(async () => {
  await proxy.restore().catch(() => undefined);
});

const event = (clientId: string, requestId: string): ScanEvent => ({
  clientId,
  now: new Date(Date.UTC(2026, 10, 10)),
  requestId,
  tool: "check_tag_compliance",
  accountId: "111111111111",
  regions: ["us-east-1", "eu-west-1", "us-east-1"],
  arns: [],
});

const scansOf = async (clientId: string) =>
  direct.db
    .select({ metadata: usageEvents.metadata, period: usageEvents.period })
    .from(usageEvents)
    .where(and(eq(usageEvents.clientId, clientId), eq(usageEvents.kind, "scan")));

describe("UsageBatch", () => {
  it("writes each tenant's scan events under its own client only, a retried call's once", async () => {
    const before = { acme: (await scansOf(acme)).length, globex: (await scansOf(globex)).length };
    const batch = new UsageBatch({ db: proxied.db, flushMs: 60_000 });
    batch.add(event(acme, "req-a1"));
    batch.add(event(globex, "req-g1"));
    batch.add(event(acme, "req-a2"));
    // The same call retried: the same idempotency key, counted once.
    batch.add(event(acme, "req-a1"));
    expect(batch.stats).toEqual({ pending: 4, dropped: 0 });
    expect((await scansOf(acme)).length).toBe(before.acme);
    await batch.flush();
    const acmeScans = await scansOf(acme);
    expect(acmeScans.length - before.acme).toBe(2);
    expect((await scansOf(globex)).length - before.globex).toBe(1);
    expect(acmeScans.at(-1)).toEqual({
      period: "2026-11",
      metadata: {
        tool: "check_tag_compliance",
        account_id: "111111111111",
        regions: ["eu-west-1", "us-east-1"],
        resources: 0,
      },
    });
    expect(batch.stats).toEqual({ pending: 0, dropped: 0 });
  });

  it("hands a failed flush to the write queue, which writes it when the database returns", async () => {
    const before = (await scansOf(globex)).length;
    const writes = new WriteQueue({ db: proxied.db, baseDelayMs: 10_000 });
    const batch = new UsageBatch({ db: proxied.db, flushMs: 60_000, writes });
    await proxy.cut();
    batch.add(event(globex, "req-outage-1"));
    batch.add(event(globex, "req-outage-2"));
    await batch.flush();
    expect(batch.stats).toEqual({ pending: 0, dropped: 0 });
    expect(writes.stats.queued).toBe(2);
    await proxy.restore();
    expect(await writes.flush()).toBe(0);
    expect((await scansOf(globex)).length - before).toBe(2);
    writes.stop();
  });
});
