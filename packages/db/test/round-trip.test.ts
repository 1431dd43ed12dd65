import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients, tenantTables } from "../src/schema";
import { createClient } from "../src/testing";
import { KINDS, useTestDatabase } from "./kinds";
import { seedTenant } from "./seed";

describe.each(KINDS)("round trip on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("stores a client with its defaults and reads it back unchanged", async () => {
    const { db } = database().handle;
    const created = await createClient(db, { tier: "enterprise", idempotencyKey: "idem-1" });
    expect(created).toMatchObject({ tier: "enterprise", status: "pending", idempotencyKey: "idem-1" });
    expect(created.id).toMatch(/^cli_/);
    expect(created.shortId).toMatch(/^[a-z0-9]{8}$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.deletedAt).toBeNull();
    const [read] = await db.select().from(clients).where(eq(clients.id, created.id));
    expect(read).toEqual(created);
  });

  it("refreshes updated_at on update and keeps created_at", async () => {
    const { db } = database().handle;
    const created = await createClient(db);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [updated] = await db
      .update(clients)
      .set({ status: "deleted", deletedAt: new Date() })
      .where(eq(clients.id, created.id))
      .returning();
    expect(updated?.createdAt).toEqual(created.createdAt);
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });

  it("reads back every tenant table exactly as written, jsonb, arrays and timestamps included", async () => {
    const { db } = database().handle;
    const { rows } = await seedTenant(db);
    for (const [name, table] of Object.entries(tenantTables)) {
      const written = rows[name as keyof typeof rows];
      const read = await db.select().from(table).where(eq(table.id, written.id));
      expect(read, name).toEqual([written]);
    }
    expect(rows.apiKeys.scopes).toEqual(["mcp", "read"]);
    expect(rows.auditEvents.params).toEqual({ resource_types: ["ec2:instance"], nested: { ok: true } });
    expect(rows.complianceSnapshots.score).toBe(0.8333);
    expect(rows.awsConnections.lastCheckedAt).toEqual(new Date("2025-03-01T10:00:00.123Z"));
    expect(rows.auditSchedules).toMatchObject({ status: "active", recipients: ["finops@example.test"] });
    expect(rows.usageEvents.quantity).toBe(1);
    expect(rows.jobs).toMatchObject({ status: "queued", attempts: 0, maxAttempts: 5, lockedBy: null });
  });

  it("gives each table's ids its own prefix", async () => {
    const { rows } = await seedTenant(database().handle.db);
    expect(Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, row.id.slice(0, 4)]))).toEqual(
      {
        awsConnections: "con_",
        apiKeys: "key_",
        taggingPolicies: "pol_",
        auditEvents: "evt_",
        usageEvents: "use_",
        complianceSnapshots: "snp_",
        tagBaselines: "bas_",
        auditSchedules: "sch_",
        jobs: "job_",
        downloads: "dwn_",
        alertDeliveries: "dlv_",
      },
    );
  });
});
