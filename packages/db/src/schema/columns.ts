import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, text, timestamp } from "drizzle-orm/pg-core";
import { type IdPrefix, newId } from "../ids";

/** A JSON object stored in a jsonb column. */
export type JsonObject = { [key: string]: unknown };

/**
 * Every timestamp carries its time zone: replicas and the database may run in different zones, and
 * schedules are computed in the customer's zone, so a bare `timestamp` would be ambiguous.
 */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Set by the database, so rows written by different replicas share one clock. */
export const createdAt = () => timestamptz("created_at").notNull().defaultNow();

/** Refreshed by drizzle on every `update()` that does not set it explicitly. */
export const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Primary key with a prefixed, time-sortable id generated in the app (ids.ts). */
export const idColumn = (prefix: IdPrefix) =>
  text("id")
    .primaryKey()
    .$defaultFn(() => newId(prefix));

const LITERAL = /^[a-z_]+$/;

/**
 * `column in ('a', 'b')` for a check constraint. Enums are text plus a check, not Postgres enums, so a
 * new value is one migration that swaps the check instead of an `alter type` that cannot run in a
 * transaction. The values are our own constants, inlined because DDL takes no bind parameters.
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  for (const value of values) {
    if (!LITERAL.test(value)) throw new Error(`enum value ${JSON.stringify(value)} is not a plain literal`);
  }
  return sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(", "))})`;
}

/** AWS account ids are exactly 12 digits; text keeps leading zeros. */
export const isAwsAccountId = (column: AnyPgColumn): SQL => sql`${column} ~ '^[0-9]{12}$'`;
