// Row-level security as the backstop under the services' own client_id filters: through scoped(ctx),
// a query that forgets its filter sees only the context's tenant, and a write of another tenant's
// client_id is refused; the system identity (cross-tenant work) still sees everything. On real
// Postgres (the tests connect as a superuser, so the switch to tagc_app is what makes RLS apply) and
// on PGlite.
import { apiKeys, auditEvents, usageEvents } from "@tagc/db";
import { createApiKey } from "@tagc/db/testing";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { scoped, TENANT_ROLE } from "../src/scoped";
import { type Harness, KINDS, useHarness } from "./harness";
import { issueApiKey, listApiKeys, listAudit } from "./verbs";

type Row = Record<string, unknown>;
const rowsOf = (result: { rows: Row[] }) => result.rows;

describe.each(KINDS)("row-level security on %s", (kind) => {
  const harness = useHarness(kind);

  /** Two tenants, each with audit, usage and key rows that look alike. */
  async function twoTenants(h: Harness) {
    const a = await h.register("RLS A");
    const b = await h.register("RLS B");
    for (const tenant of [a, b]) {
      await h.db.insert(auditEvents).values({
        clientId: tenant.id,
        actor: "system",
        operation: "test.rls",
        outcome: "ok",
        durationMs: 1,
        requestId: "req_rls",
      });
      await h.db.insert(usageEvents).values({
        clientId: tenant.id,
        kind: "scan",
        period: "2026-11",
        quantity: 1,
        idempotencyKey: `rls:${tenant.id}`,
      });
      await createApiKey(h.db, tenant.id);
    }
    return { a, b, ctxB: await h.ctxFor(b.id) };
  }

  async function tenantTables(h: Harness): Promise<string[]> {
    const result = await h.db.execute<{ name: string }>(
      sql`select table_name as name from information_schema.columns
          where table_schema = 'public' and column_name = 'client_id' order by 1`,
    );
    return result.rows.map((row) => row.name);
  }

  it("every table with a client_id has RLS enabled and forced, with the tenant policy", async () => {
    const h = harness();
    const tables = await tenantTables(h);
    expect(tables).toEqual(expect.arrayContaining(["api_keys", "audit_events", "jobs", "usage_events"]));
    const result = await h.db.execute<{
      name: string;
      enabled: boolean;
      forced: boolean;
      policies: string;
    }>(sql`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             coalesce((select string_agg(p.polname, ',' order by p.polname) from pg_policy p where p.polrelid = c.oid), '') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = any(${`{${tables.join(",")}}`}::text[]) order by 1`);
    expect(result.rows).toEqual(
      tables.map((name) => ({
        name,
        enabled: true,
        forced: true,
        policies: "system_access,tenant_isolation",
      })),
    );
  });

  it("an unscoped select * through scoped(ctx) for tenant B returns none of tenant A's rows", async () => {
    const h = harness();
    const { a, b, ctxB } = await twoTenants(h);
    // The rows are really there for the system identity: both tenants'.
    const everyone = rowsOf(await h.db.execute(sql`select client_id from audit_events`));
    expect(everyone.map((r) => r.client_id)).toEqual(expect.arrayContaining([a.id, b.id]));

    // Listed first: on PGlite a query outside the transaction would wait for it to end.
    const tables = await tenantTables(h);
    const seen = await scoped(ctxB, async (ctx) => {
      const who = rowsOf(await ctx.deps.db.execute(sql`select current_user as role`));
      const byTable: Record<string, unknown[]> = {};
      for (const table of tables) {
        const rows = rowsOf(await ctx.deps.db.execute(sql`select client_id from ${sql.identifier(table)}`));
        byTable[table] = rows.map((r) => r.client_id);
      }
      return { role: who[0]?.role, byTable };
    });
    expect(seen.role).toBe(TENANT_ROLE);
    for (const [table, ids] of Object.entries(seen.byTable)) {
      expect(ids, table).not.toContain(a.id);
      expect(
        ids.every((id) => id === b.id),
        table,
      ).toBe(true);
    }
    // Each tenant's own rows are still there: registration's audit rows, the seeded usage and key.
    expect(seen.byTable.audit_events).toContain(b.id);
    expect(seen.byTable.usage_events).toEqual([b.id]);
    expect(seen.byTable.api_keys).toEqual([b.id]);
  });

  it("refuses to write another tenant's client_id, and cannot touch its rows", async () => {
    const h = harness();
    const { a, ctxB } = await twoTenants(h);
    const insert = scoped(ctxB, (ctx) =>
      ctx.deps.db.insert(auditEvents).values({
        clientId: a.id,
        actor: "system",
        operation: "test.forged",
        outcome: "ok",
        durationMs: 1,
        requestId: "req_forged",
      }),
    );
    await expect(insert).rejects.toThrow();
    const revoked = await scoped(ctxB, (ctx) =>
      ctx.deps.db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(eq(apiKeys.clientId, a.id))
        .returning(),
    );
    expect(revoked).toEqual([]);
    const aKeys = await h.db.select().from(apiKeys).where(eq(apiKeys.clientId, a.id));
    expect(aKeys.every((k) => k.revokedAt === null)).toBe(true);
    expect(
      rowsOf(await h.db.execute(sql`select 1 from audit_events where operation = 'test.forged'`)),
    ).toEqual([]);
  });

  it("the settings end with the transaction: the pooled connections go back to the system identity", async () => {
    const h = harness();
    const { a, b, ctxB } = await twoTenants(h);
    await Promise.all(
      Array.from({ length: 8 }, () => scoped(ctxB, (ctx) => listAudit({ ctx, input: { limit: 5 } }))),
    );
    const after = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.db.execute(
          sql`select current_user as role, count(distinct client_id)::int as tenants from audit_events where client_id in (${a.id}, ${b.id})`,
        ),
      ),
    );
    for (const result of after) expect(rowsOf(result)[0]).toMatchObject({ tenants: 2 });
    expect(rowsOf(after[0]!)[0]?.role).not.toBe(TENANT_ROLE);
  });

  it("the tenant-scoped verbs work under the policies and see only their tenant", async () => {
    const h = harness();
    const { a, b, ctxB } = await twoTenants(h);
    const issued = await issueApiKey({ ctx: ctxB, input: { name: "under rls", scopes: ["mcp:read"] } });
    const listed = await listApiKeys({ ctx: ctxB });
    expect(listed.data.map((k: { id: string }) => k.id)).toContain(issued.id);
    const audit = await listAudit({ ctx: ctxB, input: { limit: 50 } });
    expect(audit.data.length).toBeGreaterThan(0);
    const aKeys = await h.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.clientId, a.id));
    for (const key of aKeys) expect(listed.data.map((k: { id: string }) => k.id)).not.toContain(key.id);
    expect(b.id).not.toBe(a.id);
  });
});
