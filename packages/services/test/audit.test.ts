// listAudit: one tenant's audit events, newest first, walked page by page with the cursor. Many rows
// share one millisecond (and some differ only in microseconds), and the other tenant's rows are
// interleaved at the very same instants.
import { auditEvents } from "@tagc/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, type Harness, KINDS, serviceError, useHarness } from "./harness";
import { listAudit } from "./verbs";

const SAME_MS = new Date("2026-10-15T12:00:00.500Z");
// Inside one millisecond: a JavaScript Date would round every one of these to .500.
const MICROS = ["2026-10-15T12:00:00.500900Z", "2026-10-15T12:00:00.500100Z", "2026-10-15T12:00:00.500500Z"];

describe.each(KINDS)("listAudit on %s", (kind) => {
  const harness = useHarness(kind);

  async function seedRows(h: Harness, clientId: string, tag: string) {
    const rows = Array.from({ length: 23 }, (_, i) => ({
      clientId,
      actor: "system" as const,
      operation: `test.${tag}.${i}`,
      outcome: "ok" as const,
      durationMs: i,
      requestId: `req_${tag}_${i}`,
      createdAt: SAME_MS,
    }));
    await h.db.insert(auditEvents).values(rows);
    for (const [i, at] of MICROS.entries()) {
      await h.db.execute(sql`
        insert into audit_events (id, client_id, actor, operation, outcome, duration_ms, request_id, created_at)
        values (${`evt_${tag}micro${i}`.padEnd(30, "0")}, ${clientId}, 'system', ${`test.${tag}.micro${i}`},
                'ok', 0, ${`req_${tag}_micro${i}`}, ${at}::timestamptz)`);
    }
    // One row a millisecond earlier and one later, around the crowded instant.
    await h.db.insert(auditEvents).values([
      { ...rows[0]!, operation: `test.${tag}.before`, createdAt: new Date(SAME_MS.getTime() - 1) },
      { ...rows[0]!, operation: `test.${tag}.after`, createdAt: new Date(SAME_MS.getTime() + 1) },
    ]);
  }

  /** The order the endpoint promises, read straight from the database. */
  async function expectedIds(h: Harness, clientId: string) {
    const result = await h.db.execute<{ id: string }>(
      sql`select id from audit_events where client_id = ${clientId} order by created_at desc, id desc`,
    );
    return result.rows.map((r) => r.id);
  }

  async function walk(h: Harness, clientId: string, limit: number) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 200; pages++) {
      const page = await listAudit({
        ctx: await h.ctxFor(clientId),
        input: { limit, ...(cursor ? { cursor } : {}) },
      });
      expect(page.data.length).toBeLessThanOrEqual(limit);
      ids.push(...page.data.map((e) => e.id));
      if (!page.next_cursor) return ids;
      cursor = page.next_cursor;
    }
    throw new Error("the cursor never ended");
  }

  let seeded: { acme: string; globex: string } | undefined;
  async function twoTenants(h: Harness) {
    if (!seeded) {
      const acme = await h.onboard("Acme", ACME_ACCOUNT);
      const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
      await seedRows(h, acme.id, "a");
      await seedRows(h, globex.id, "g");
      seeded = { acme: acme.id, globex: globex.id };
    }
    return seeded;
  }

  it.each([1, 2, 4, 7, 100])("walks every row once, newest first, %i per page", async (limit) => {
    const h = harness();
    const { acme, globex } = await twoTenants(h);
    const expected = await expectedIds(h, acme);
    // registration + 23 + 3 + 2
    expect(expected).toHaveLength(29);

    const ids = await walk(h, acme, limit);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    const globexIds = new Set(await expectedIds(h, globex));
    expect(ids.filter((id) => globexIds.has(id))).toEqual([]);
  });

  it("orders by time then id, keeping microseconds apart", async () => {
    const h = harness();
    const { acme } = await twoTenants(h);
    const page = await listAudit({ ctx: await h.ctxFor(acme), input: { limit: 100 } });
    const operations = page.data.map((e) => e.operation);
    const micro = operations.filter((o) => o.includes("micro"));
    expect(micro).toEqual(["test.a.micro0", "test.a.micro2", "test.a.micro1"]);
    // Newest first: created_at never increases down the page.
    const times = page.data.map((e) => Date.parse(e.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(operations.indexOf("test.a.after")).toBeLessThan(operations.indexOf("test.a.micro0"));
    expect(operations.indexOf("test.a.before")).toBe(operations.length - 1);
    expect(operations[0]).toBe("clients.register");
    // Same instant: ties are broken by id, descending.
    const tied = page.data.filter(
      (e) => e.created_at === SAME_MS.toISOString() && !e.operation.includes("micro"),
    );
    expect(tied.map((e) => e.id)).toEqual([...tied.map((e) => e.id)].sort().reverse());
    expect(
      page.data.every((e) => e.operation.startsWith("test.a.") || e.operation === "clients.register"),
    ).toBe(true);
  });

  it("the other tenant sees only its own rows", async () => {
    const h = harness();
    const { acme, globex } = await twoTenants(h);
    const ids = await walk(h, globex, 5);
    expect(ids).toEqual(await expectedIds(h, globex));
    const acmeIds = new Set(await expectedIds(h, acme));
    expect(ids.some((id) => acmeIds.has(id))).toBe(false);
    // A cursor taken from Acme's pages only ever pages through Globex's own rows.
    const acmePage = await listAudit({ ctx: await h.ctxFor(acme), input: { limit: 3 } });
    const page = await listAudit({
      ctx: await h.ctxFor(globex),
      input: { limit: 100, cursor: acmePage.next_cursor! },
    });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((e) => !acmeIds.has(e.id))).toBe(true);
  });

  const forged = [
    ["not base64 of a cursor", Buffer.from("hello").toString("base64url")],
    ["no id", Buffer.from("2026-10-15T12:00:00.500000Z").toString("base64url")],
    ["millisecond time", Buffer.from("2026-10-15T12:00:00.500Z|evt_x").toString("base64url")],
    ["a time that does not exist", Buffer.from("2026-99-99T99:99:99.000000Z|evt_x").toString("base64url")],
    ["SQL in the time", Buffer.from("now()|evt_x").toString("base64url")],
    ["garbage", "%%%***"],
  ];
  it.each(forged)("a forged cursor (%s) is INVALID_REQUEST naming `cursor`", async (_label, cursor) => {
    const h = harness();
    const { acme } = await twoTenants(h);
    const error = await serviceError(listAudit({ ctx: await h.ctxFor(acme), input: { limit: 5, cursor } }));
    expect(error).toMatchObject({ code: "INVALID_REQUEST", details: { field: "cursor" } });
  });
});
