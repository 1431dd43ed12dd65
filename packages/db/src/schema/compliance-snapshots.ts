import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, isAwsAccountId, type JsonObject, oneOf } from "./columns";
import { clientIdColumn } from "./tenant";

export const SNAPSHOT_KINDS = ["scheduled", "ad_hoc"] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/**
 * The result of one compliance check, aggregates only: raw resource data is never stored. Read back
 * for trends (`where client_id = $1 and created_at >= $2`).
 */
export const complianceSnapshots = pgTable(
  "compliance_snapshots",
  {
    id: idColumn("snp"),
    clientId: clientIdColumn(),
    accountId: text("account_id").notNull(),
    // What was checked: resource types, regions, filters.
    scope: jsonb("scope").$type<JsonObject>().notNull(),
    // compliant / in scope, between 0 and 1 (TOOLS.md); null when nothing was in scope (a scan that
    // read nothing has no score, and a scheduled series keeps the point rather than a hole or a 1).
    score: doublePrecision("score"),
    total: integer("total").notNull(),
    compliant: integer("compliant").notNull(),
    violationCount: integer("violation_count").notNull(),
    byRegion: jsonb("by_region").$type<JsonObject>().notNull(),
    // The attribution gap's aggregates (core's GapSummary: spend by violated tag and by resource
    // type, in cents); null when the check read no spend.
    costGap: jsonb("cost_gap").$type<JsonObject>(),
    kind: text("kind", { enum: SNAPSHOT_KINDS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("compliance_snapshots_account_id_check", isAwsAccountId(t.accountId)),
    check("compliance_snapshots_score_check", sql`${t.score} >= 0 and ${t.score} <= 1`),
    check(
      "compliance_snapshots_counts_check",
      sql`${t.compliant} >= 0 and ${t.compliant} <= ${t.total} and ${t.violationCount} >= 0`,
    ),
    check("compliance_snapshots_kind_check", oneOf(t.kind, SNAPSHOT_KINDS)),
    index("compliance_snapshots_client_id_created_at_idx").on(t.clientId, t.createdAt),
  ],
);

export type ComplianceSnapshot = typeof complianceSnapshots.$inferSelect;
export type NewComplianceSnapshot = typeof complianceSnapshots.$inferInsert;
