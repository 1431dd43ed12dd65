import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, idColumn, type JsonObject, oneOf } from "./columns";
import { clientIdColumn } from "./tenant";

export const POLICY_SOURCES = ["default", "imported", "uploaded"] as const;
export type PolicySource = (typeof POLICY_SOURCES)[number];

/**
 * Each client's tagging policy, append-only: a change inserts the next version, so a snapshot or an
 * audit row can always be read against the policy that was current then. The current policy is the
 * highest version, found through the (client_id, version) unique index.
 */
export const taggingPolicies = pgTable(
  "tagging_policies",
  {
    id: idColumn("pol"),
    clientId: clientIdColumn(),
    version: integer("version").notNull(),
    // Validated by core before it is stored; the database only keeps it.
    document: jsonb("document").$type<JsonObject>().notNull(),
    source: text("source", { enum: POLICY_SOURCES }).notNull(),
    // Where an imported policy came from, e.g. the AWS Organizations policy id.
    sourceRef: text("source_ref"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("tagging_policies_client_id_version_unique").on(t.clientId, t.version),
    check("tagging_policies_version_check", sql`${t.version} >= 1`),
    check("tagging_policies_source_check", oneOf(t.source, POLICY_SOURCES)),
  ],
);

export type TaggingPolicy = typeof taggingPolicies.$inferSelect;
export type NewTaggingPolicy = typeof taggingPolicies.$inferInsert;
