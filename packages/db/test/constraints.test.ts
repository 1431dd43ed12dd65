import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../src/client";
import { isUniqueViolation, pgError } from "../src/errors";
import {
  auditEvents,
  auditSchedules,
  clients,
  complianceSnapshots,
  tagBaselines,
  taggingPolicies,
  usageEvents,
} from "../src/schema";
import { createApiKey, createClient, createConnection } from "../src/testing";
import { errorOf, KINDS, useTestDatabase } from "./kinds";
import { seedTenant } from "./seed";

const CHECK = "23514";
const FOREIGN_KEY = "23503";

describe("pgError", () => {
  it("recognises server errors through drizzle's wrapper only", () => {
    expect(pgError(Object.assign(new Error("socket"), { code: "EPIPE" }))).toBeUndefined();
    expect(pgError("23505")).toBeUndefined();
    const wrapped = new Error("Failed query", {
      cause: { code: "23505", severity: "ERROR", constraint: "c" },
    });
    expect(pgError(wrapped)).toEqual({ code: "23505", constraint: "c" });
    expect(isUniqueViolation(wrapped, "c")).toBe(true);
    expect(isUniqueViolation(wrapped, "d")).toBe(false);
  });
});

describe.each(KINDS)("constraints on %s", (kind) => {
  const database = useTestDatabase(kind);
  const db = () => database().handle.db;

  describe("unique", () => {
    it("external_id, across tenants", async () => {
      const [a, b] = [await createClient(db()), await createClient(db())];
      const first = await createConnection(db(), a.id);
      const error = await errorOf(createConnection(db(), b.id, { externalId: first.externalId }));
      expect(isUniqueViolation(error, "aws_connections_external_id_unique")).toBe(true);
    });

    it("secret_hash, across tenants", async () => {
      const [a, b] = [await createClient(db()), await createClient(db())];
      const first = await createApiKey(db(), a.id);
      const error = await errorOf(createApiKey(db(), b.id, { secretHash: first.secretHash }));
      expect(isUniqueViolation(error, "api_keys_secret_hash_unique")).toBe(true);
    });

    it("a client's idempotency key, while any number of clients have none", async () => {
      await createClient(db(), { idempotencyKey: null });
      await createClient(db(), { idempotencyKey: null });
      const key = `idem-${Math.random()}`;
      await createClient(db(), { idempotencyKey: key });
      const error = await errorOf(createClient(db(), { idempotencyKey: key }));
      expect(isUniqueViolation(error, "clients_idempotency_key_unique")).toBe(true);
    });

    it("a usage idempotency key, so a retried scan counts once", async () => {
      const client = await createClient(db());
      const event = {
        clientId: client.id,
        period: "2025-04",
        kind: "resource" as const,
        idempotencyKey: `k-${client.id}`,
      };
      await db().insert(usageEvents).values(event);
      const retried = await db().insert(usageEvents).values(event).onConflictDoNothing().returning();
      expect(retried).toEqual([]);
      const error = await errorOf(db().insert(usageEvents).values(event));
      expect(isUniqueViolation(error, "usage_events_idempotency_key_unique")).toBe(true);
    });

    it("(client_id, version) of a policy, while another client may use the same version", async () => {
      const [a, b] = [await createClient(db()), await createClient(db())];
      const policy = { version: 1, document: {}, source: "default" as const };
      await db()
        .insert(taggingPolicies)
        .values({ ...policy, clientId: a.id });
      await db()
        .insert(taggingPolicies)
        .values({ ...policy, clientId: b.id });
      const error = await errorOf(
        db()
          .insert(taggingPolicies)
          .values({ ...policy, clientId: a.id }),
      );
      expect(isUniqueViolation(error, "tagging_policies_client_id_version_unique")).toBe(true);
    });

    it("(client_id, account_id) of a connection, while two clients may share an AWS account", async () => {
      const [a, b] = [await createClient(db()), await createClient(db())];
      await createConnection(db(), a.id, { accountId: "000000000001" });
      await createConnection(db(), b.id, { accountId: "000000000001" });
      const error = await errorOf(createConnection(db(), a.id, { accountId: "000000000001" }));
      expect(isUniqueViolation(error, "aws_connections_client_id_account_id_unique")).toBe(true);
    });

    it("is told apart from other unique constraints by name", async () => {
      const first = await createClient(db(), { idempotencyKey: `idem-${Math.random()}` });
      const error = await errorOf(createClient(db(), { shortId: first.shortId }));
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(error, "clients_idempotency_key_unique")).toBe(false);
    });
  });

  describe("check", () => {
    const rejected: [string, string, (db: Database, clientId: string) => PromiseLike<unknown>][] = [
      ["an unknown tier", "clients_tier_check", (d) => createClient(d, { tier: "gold" as "starter" })],
      [
        "an unknown status",
        "clients_status_check",
        (d) => createClient(d, { status: "active" as "pending" }),
      ],
      [
        "a short id with uppercase",
        "clients_short_id_check",
        (d) => createClient(d, { shortId: "ABCD1234" }),
      ],
      [
        "status deleted without deleted_at",
        "clients_deleted_check",
        (d) => createClient(d, { status: "deleted" }),
      ],
      [
        "deleted_at on a live client",
        "clients_deleted_check",
        (d) => createClient(d, { deletedAt: new Date() }),
      ],
      [
        "an 11-digit account id",
        "aws_connections_account_id_check",
        (d, id) => createConnection(d, id, { accountId: "12345678901" }),
      ],
      [
        "a negative failure count",
        "aws_connections_consecutive_failures_check",
        (d, id) => createConnection(d, id, { consecutiveFailures: -1 }),
      ],
      [
        "a secret hash that is not sha-256 hex",
        "api_keys_secret_hash_check",
        (d, id) => createApiKey(d, id, { secretHash: "abc" }),
      ],
      [
        "policy version 0",
        "tagging_policies_version_check",
        (d, id) =>
          d.insert(taggingPolicies).values({ clientId: id, version: 0, document: {}, source: "default" }),
      ],
      [
        "a period that is not YYYY-MM",
        "usage_events_period_check",
        (d, id) =>
          d
            .insert(usageEvents)
            .values({ clientId: id, period: "2025-13", kind: "scan", idempotencyKey: `${id}-p` }),
      ],
      [
        "a zero quantity",
        "usage_events_quantity_check",
        (d, id) =>
          d.insert(usageEvents).values({
            clientId: id,
            period: "2025-01",
            kind: "scan",
            quantity: 0,
            idempotencyKey: `${id}-q`,
          }),
      ],
      [
        "a score above 1",
        "compliance_snapshots_score_check",
        (d, id) =>
          d.insert(complianceSnapshots).values({
            clientId: id,
            accountId: "123456789012",
            scope: {},
            score: 83,
            total: 6,
            compliant: 5,
            violationCount: 1,
            byRegion: {},
            kind: "ad_hoc",
          }),
      ],
      [
        "more compliant resources than in scope",
        "compliance_snapshots_counts_check",
        (d, id) =>
          d.insert(complianceSnapshots).values({
            clientId: id,
            accountId: "123456789012",
            scope: {},
            score: 1,
            total: 1,
            compliant: 2,
            violationCount: 0,
            byRegion: {},
            kind: "scheduled",
          }),
      ],
      [
        "a baseline for a malformed account",
        "tag_baselines_account_id_check",
        (d, id) =>
          d.insert(tagBaselines).values({ clientId: id, accountId: "acct", resourceArn: "arn:x", tags: {} }),
      ],
      [
        "a time of day past 23:59",
        "audit_schedules_time_of_day_check",
        (d, id) =>
          d.insert(auditSchedules).values({
            clientId: id,
            cadence: "daily",
            timeOfDay: "24:00",
            timezone: "UTC",
            cron: "0 0 * * *",
            notificationFormat: "email",
            nextRunAt: new Date(),
          }),
      ],
      [
        "a negative duration",
        "audit_events_duration_ms_check",
        (d, id) =>
          d.insert(auditEvents).values({
            clientId: id,
            actor: "system",
            operation: "verify",
            outcome: "ok",
            durationMs: -1,
            requestId: "r",
          }),
      ],
    ];

    it.each(rejected)("rejects %s (%s)", async (_, constraint, insert) => {
      const client = await createClient(db());
      expect(pgError(await errorOf(insert(db(), client.id)))).toEqual({ code: CHECK, constraint });
    });
  });

  describe("foreign keys", () => {
    it("refuse a row for a client that does not exist", async () => {
      const error = await errorOf(
        db()
          .insert(usageEvents)
          .values({ clientId: "cli_missing", period: "2025-01", kind: "scan", idempotencyKey: "x" }),
      );
      expect(pgError(error)?.code).toBe(FOREIGN_KEY);
    });

    it("keep audit and usage rows: a client with rows cannot be hard-deleted, only soft-deleted", async () => {
      const { client, rows } = await seedTenant(db());
      const error = await errorOf(db().delete(clients).where(eq(clients.id, client.id)));
      expect(pgError(error)?.code).toBe(FOREIGN_KEY);

      await db()
        .update(clients)
        .set({ status: "deleted", deletedAt: new Date() })
        .where(eq(clients.id, client.id));
      const audit = await db().select().from(auditEvents).where(eq(auditEvents.clientId, client.id));
      const usage = await db().select().from(usageEvents).where(eq(usageEvents.clientId, client.id));
      expect(audit).toEqual([rows.auditEvents]);
      expect(usage).toEqual([rows.usageEvents]);
    });
  });
});
