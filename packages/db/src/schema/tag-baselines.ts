import { check, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, isAwsAccountId, timestamptz } from "./columns";
import { clientIdColumn } from "./tenant";

/**
 * Tag values of one resource at one time, the reference for drift detection. Only the values of the
 * policy's tag keys are kept, never the resource's other tags. Drift reads the latest baseline at or
 * before a lookback date: `where client_id = $1 and resource_arn = $2 and captured_at <= $3`.
 */
export const tagBaselines = pgTable(
  "tag_baselines",
  {
    id: idColumn("bas"),
    clientId: clientIdColumn(),
    accountId: text("account_id").notNull(),
    resourceArn: text("resource_arn").notNull(),
    tags: jsonb("tags").$type<Record<string, string>>().notNull(),
    capturedAt: timestamptz("captured_at").notNull().defaultNow(),
  },
  (t) => [
    check("tag_baselines_account_id_check", isAwsAccountId(t.accountId)),
    index("tag_baselines_client_id_resource_arn_captured_at_idx").on(t.clientId, t.resourceArn, t.capturedAt),
  ],
);

export type TagBaseline = typeof tagBaselines.$inferSelect;
export type NewTagBaseline = typeof tagBaselines.$inferInsert;
