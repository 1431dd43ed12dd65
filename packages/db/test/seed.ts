import type { Database } from "../src/client";
import {
  alertDeliveries,
  auditEvents,
  auditSchedules,
  complianceSnapshots,
  downloads,
  jobs,
  tagBaselines,
  taggingPolicies,
  type tenantTables,
  usageEvents,
} from "../src/schema";
import { createApiKey, createClient, createConnection } from "../src/testing";

export type TenantRows = { [K in keyof typeof tenantTables]: (typeof tenantTables)[K]["$inferSelect"] };

// Deliberately the same for every tenant, so a query that forgot its client_id filter would match the
// other tenant's rows too.
export const SHARED_ACCOUNT_ID = "123456789012";
export const SHARED_ARN = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc";

async function one<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** A client with one fully populated row in every tenant table. */
export async function seedTenant(db: Database) {
  const client = await createClient(db, { statusReason: "seeded" });
  const clientId = client.id;
  const apiKey = await createApiKey(db, clientId, { scopes: ["mcp", "read"] });
  const rows: TenantRows = {
    awsConnections: await createConnection(db, clientId, {
      accountId: SHARED_ACCOUNT_ID,
      roleArn: `arn:aws:iam::${SHARED_ACCOUNT_ID}:role/TagComplianceReader-${client.shortId}`,
      status: "connected",
      consecutiveFailures: 2,
      lastCheckedAt: new Date("2025-03-01T10:00:00.123Z"),
      nextCheckAt: new Date("2025-03-01T10:00:30Z"),
      lastErrorCode: "AccessDenied",
      lastErrorMessage: "re-deploy the stack",
      verifiedAt: new Date("2025-03-01T09:00:00Z"),
      policyImportNote: "imported from p-abc",
      leaseOwner: "replica-1",
      leaseExpiresAt: new Date("2025-03-01T10:01:00Z"),
    }),
    apiKeys: apiKey,
    taggingPolicies: await one(
      db
        .insert(taggingPolicies)
        .values({
          clientId,
          version: 1,
          document: { required_tags: [{ name: "CostCenter", allowed_values: ["a", "b"] }] },
          source: "imported",
          sourceRef: "p-abc123",
        })
        .returning(),
    ),
    auditEvents: await one(
      db
        .insert(auditEvents)
        .values({
          clientId,
          apiKeyId: apiKey.id,
          actor: "api_key",
          operation: "check_tag_compliance",
          params: { resource_types: ["ec2:instance"], nested: { ok: true } },
          outcome: "error",
          errorCode: "ACCESS_REVOKED",
          durationMs: 42,
          requestId: "req_1",
        })
        .returning(),
    ),
    usageEvents: await one(
      db
        .insert(usageEvents)
        .values({
          clientId,
          period: "2025-03",
          kind: "resource",
          idempotencyKey: `${clientId}:2025-03:${SHARED_ARN}`,
          metadata: { arn: SHARED_ARN },
        })
        .returning(),
    ),
    complianceSnapshots: await one(
      db
        .insert(complianceSnapshots)
        .values({
          clientId,
          accountId: SHARED_ACCOUNT_ID,
          scope: { resource_types: ["ec2:instance"], regions: ["eu-west-1"] },
          score: 0.8333,
          total: 6,
          compliant: 5,
          violationCount: 1,
          byRegion: { "eu-west-1": { total: 6, compliant: 5 } },
          kind: "ad_hoc",
        })
        .returning(),
    ),
    tagBaselines: await one(
      db
        .insert(tagBaselines)
        .values({
          clientId,
          accountId: SHARED_ACCOUNT_ID,
          resourceArn: SHARED_ARN,
          tags: { CostCenter: "a", Owner: "ops" },
          capturedAt: new Date("2025-02-01T00:00:00Z"),
        })
        .returning(),
    ),
    alertDeliveries: await one(
      db
        .insert(alertDeliveries)
        .values({
          clientId,
          scheduleId: "sch_shared",
          runAt: new Date("2025-02-01T09:00:00Z"),
          channel: "slack",
          target: "https://hooks.slack.com/…",
          owner: null,
          attempt: 1,
          outcome: "delivered",
        })
        .returning(),
    ),
    downloads: await one(
      db
        .insert(downloads)
        .values({
          clientId,
          tool: "export_violations_csv",
          filename: "violations.csv",
          contentType: "text/csv",
          body: `resource_arn\r\n${SHARED_ARN}\r\n`,
          rows: 1,
          bytes: 16 + SHARED_ARN.length,
          expiresAt: new Date("2025-02-01T00:15:00Z"),
        })
        .returning(),
    ),
    auditSchedules: await one(
      db
        .insert(auditSchedules)
        .values({
          clientId,
          cadence: "weekly",
          timeOfDay: "09:30",
          timezone: "Europe/Paris",
          cron: "30 9 * * 1",
          scope: { resource_types: ["ec2:instance"] },
          recipients: ["finops@example.test"],
          notificationFormat: "both",
          nextRunAt: new Date("2025-03-03T08:30:00Z"),
        })
        .returning(),
    ),
    jobs: await one(
      db
        .insert(jobs)
        .values({
          clientId,
          kind: "daily_snapshot",
          payload: { date: "2025-03-01" },
          runAt: new Date("2025-03-01T02:00:00Z"),
          // Unique across tenants, like every real dedupe key (it names the client).
          dedupeKey: `daily_snapshot:${clientId}:2025-03-01`,
        })
        .returning(),
    ),
  };
  return { client, rows };
}
