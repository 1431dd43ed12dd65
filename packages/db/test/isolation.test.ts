import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, awsConnections, tagBaselines, tenantTables, usageEvents } from "../src/schema";
import { KINDS, useTestDatabase } from "./kinds";
import { SHARED_ACCOUNT_ID, SHARED_ARN, seedTenant } from "./seed";

// Two tenants with identical-looking data (same AWS account, same ARN): a read filtered by client_id
// returns exactly the caller's rows, never the other tenant's.
describe.each(KINDS)("tenant isolation on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function twoTenants() {
    const { db } = database().handle;
    return { db, first: await seedTenant(db), second: await seedTenant(db) };
  }

  it.each(Object.keys(tenantTables) as (keyof typeof tenantTables)[])(
    "%s filtered by client_id returns only that client's rows",
    async (name) => {
      const { db, first, second } = await twoTenants();
      const table = tenantTables[name];
      for (const tenant of [first, second]) {
        const rows = await db.select().from(table).where(eq(table.clientId, tenant.client.id));
        expect(rows).toEqual([tenant.rows[name]]);
      }
      // The data really is shared-looking: without the filter both tenants' rows come back.
      const all = await db.select().from(table);
      expect(all.map((row) => row.id)).toEqual(
        expect.arrayContaining([first.rows[name].id, second.rows[name].id]),
      );
    },
  );

  it("lookups by shared natural keys stay within the tenant", async () => {
    const { db, first, second } = await twoTenants();
    const baselines = await db
      .select()
      .from(tagBaselines)
      .where(and(eq(tagBaselines.clientId, second.client.id), eq(tagBaselines.resourceArn, SHARED_ARN)))
      .orderBy(desc(tagBaselines.capturedAt));
    expect(baselines.map((row) => row.id)).toEqual([second.rows.tagBaselines.id]);

    const connections = await db
      .select()
      .from(awsConnections)
      .where(
        and(eq(awsConnections.clientId, first.client.id), eq(awsConnections.accountId, SHARED_ACCOUNT_ID)),
      );
    expect(connections.map((row) => row.id)).toEqual([first.rows.awsConnections.id]);
  });

  it("the audit page and the usage sums of one tenant never include the other's", async () => {
    const { db, first, second } = await twoTenants();
    const page = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clientId, first.client.id))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(50);
    expect(page.map((row) => row.clientId)).toEqual([first.client.id]);

    const usage = await db
      .select()
      .from(usageEvents)
      .where(and(eq(usageEvents.clientId, second.client.id), eq(usageEvents.period, "2025-03")));
    expect(usage.map((row) => row.idempotencyKey)).toEqual([second.rows.usageEvents.idempotencyKey]);
  });
});
