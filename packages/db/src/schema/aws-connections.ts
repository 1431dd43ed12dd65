import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { CLIENT_STATUSES } from "./clients";
import { createdAt, idColumn, isAwsAccountId, oneOf, timestamptz, updatedAt } from "./columns";
import { clientIdColumn } from "./tenant";

/** A connection follows the same state machine as its client (which mirrors its connections). */
export const CONNECTION_STATUSES = CLIENT_STATUSES;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** One probe as @tagc/aws reports it; the db package does not depend on the AWS package. */
export interface StoredProbe {
  family: string;
  action: string;
  required: boolean;
  outcome: "ok" | "denied" | "failed";
  error_code: string | null;
}

/**
 * One customer AWS account reachable through the role the customer deployed. One per client today;
 * the schema allows several (tier caps come later).
 */
export const awsConnections = pgTable(
  "aws_connections",
  {
    id: idColumn("con"),
    clientId: clientIdColumn(),
    // Unknown until the admin supplies it or the first successful AssumeRole reveals it.
    accountId: text("account_id"),
    roleName: text("role_name").notNull(),
    roleArn: text("role_arn"),
    // Tenant-private: never logged. Unique so one External ID can never unlock two tenants' roles.
    externalId: text("external_id").notNull().unique(),
    // An External ID never verified stops being accepted after this (48 h); re-registration issues another.
    externalIdExpiresAt: timestamptz("external_id_expires_at").notNull(),
    status: text("status", { enum: CONNECTION_STATUSES }).notNull().default("pending"),
    // Three AccessDenied in a row on AssumeRole move the connection to `revoked`.
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastCheckedAt: timestamptz("last_checked_at"),
    nextCheckAt: timestamptz("next_check_at"),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
    verifiedAt: timestamptz("verified_at"),
    // The last attempt's probes, one per permission family, so /status shows what was read (and
    // what failed) without calling AWS. Null until the first attempt that assumed the role.
    lastProbes: jsonb("last_probes").$type<StoredProbe[]>(),
    templateVersion: text("template_version").notNull(),
    policyImportNote: text("policy_import_note"),
    // Background verification runs on every replica; a replica claims a row by setting a lease so
    // only one of them calls AssumeRole for it at a time, and a crashed replica's lease runs out.
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamptz("lease_expires_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("aws_connections_client_id_account_id_unique").on(t.clientId, t.accountId),
    check("aws_connections_status_check", oneOf(t.status, CONNECTION_STATUSES)),
    check("aws_connections_account_id_check", isAwsAccountId(t.accountId)),
    check("aws_connections_consecutive_failures_check", sql`${t.consecutiveFailures} >= 0`),
  ],
);

export type AwsConnection = typeof awsConnections.$inferSelect;
export type NewAwsConnection = typeof awsConnections.$inferInsert;
