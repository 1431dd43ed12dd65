// The batches' one-statement inserts (unnest over one array per column) on both drivers: every value
// lands as a drizzle insert would write it (nulls, JSON with quotes and backslashes, the column
// defaults), a retried batch inserts nothing, and each tenant's rows are written under its own id.
import { auditEvents, usageEvents } from "@tagc/db";
import { createClient, createTestDatabase, type DatabaseKind, type TestDatabase } from "@tagc/db/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditRow } from "../../src/audit/batch";
import { insertAuditRows } from "../../src/audit/insert-rows";
import { insertScanEvents } from "../../src/metering/insert-scan-events";
import { asTenant } from "../../src/scoped";

describe.each<DatabaseKind>(["postgres", "pglite"])("batch statements on %s", (kind) => {
  let database: TestDatabase;
  let acme: string;
  let globex: string;
  beforeAll(async () => {
    database = await createTestDatabase({ kind });
    acme = (await createClient(database.handle.db)).id;
    globex = (await createClient(database.handle.db)).id;
  }, 60_000);
  afterAll(() => database?.drop());

  const at = new Date(Date.UTC(2026, 10, 10, 12, 0, 0, 123));
  const audit = (clientId: string, n: number, extra: Partial<AuditRow> = {}): AuditRow => ({
    id: `evt_bs${kind}${clientId.slice(-6)}${n}`,
    clientId,
    actor: "api_key",
    operation: "check_tag_compliance",
    params: { resource_types: ["all"], note: 'a "quoted" \\ back\\slash, {braces}, ünïcode' },
    outcome: "ok",
    errorCode: null,
    durationMs: 3,
    requestId: `req_${n}`,
    createdAt: at,
    ...extra,
  });

  it("writes audit rows with their values and defaults; a retry inserts nothing", async () => {
    const rows = [
      audit(acme, 1),
      audit(acme, 2, { outcome: "error", errorCode: "INVALID_REQUEST", durationMs: 0 }),
      audit(acme, 3, { params: undefined, createdAt: undefined, actor: "system" }),
    ];
    const before = Date.now();
    await asTenant(database.handle.db, acme, (db) => insertAuditRows(db, rows));
    await asTenant(database.handle.db, acme, (db) => insertAuditRows(db, rows));
    await asTenant(database.handle.db, globex, (db) => insertAuditRows(db, [audit(globex, 1)]));
    const stored = await database.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clientId, acme))
      .orderBy(asc(auditEvents.id));
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatchObject({ ...rows[0], apiKeyId: null });
    expect(stored[1]).toMatchObject({ outcome: "error", errorCode: "INVALID_REQUEST", durationMs: 0 });
    expect(stored[2]).toMatchObject({ params: {}, actor: "system" });
    expect(stored[2]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
    const other = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.clientId, globex));
    expect(other.map((r) => r.id)).toEqual([audit(globex, 1).id]);
  });

  it("writes scan events once per idempotency key, with quantity 1 and their metadata", async () => {
    const event = { clientId: acme, now: at, requestId: `req_${kind}`, tool: "check_tag_compliance" };
    const events = [
      { ...event, accountId: "111111111111", regions: ["us-east-1", "eu-west-1"], arns: [] as const },
      { ...event, accountId: "222222222222", regions: ['we"ird\\'], arns: [] as const },
    ];
    await asTenant(database.handle.db, acme, (db) => insertScanEvents(db, events));
    await asTenant(database.handle.db, acme, (db) => insertScanEvents(db, events));
    const stored = await database.handle.db
      .select()
      .from(usageEvents)
      .where(eq(usageEvents.clientId, acme))
      .orderBy(asc(usageEvents.idempotencyKey));
    expect(stored).toHaveLength(2);
    expect(stored.map((r) => [r.kind, r.quantity, r.period, r.createdAt.toISOString()])).toEqual([
      ["scan", 1, "2026-11", at.toISOString()],
      ["scan", 1, "2026-11", at.toISOString()],
    ]);
    expect(
      stored
        .map((r) => r.metadata)
        .sort((a, b) => String(a?.account_id).localeCompare(String(b?.account_id))),
    ).toEqual([
      {
        tool: "check_tag_compliance",
        account_id: "111111111111",
        regions: ["eu-west-1", "us-east-1"],
        resources: 0,
      },
      { tool: "check_tag_compliance", account_id: "222222222222", regions: ['we"ird\\'], resources: 0 },
    ]);
    expect(stored.every((r) => r.id.startsWith("use_"))).toBe(true);
  });
});
