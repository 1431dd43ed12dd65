import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { getTableName } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../src/migrate";
import * as schemaModule from "../src/schema";
import { clients, schema, tenantTables } from "../src/schema";

// Structural rules of the data model, checked on the schema itself so a new table or index that breaks
// them fails here rather than in a review.

// Global lookups that run before the tenant is known, or that must be unique across tenants.
const GLOBAL_UNIQUES = new Set([
  "aws_connections_external_id_unique",
  "api_keys_secret_hash_unique",
  "usage_events_idempotency_key_unique",
  // Every replica's scheduler enqueues the same due work; one row per unit of work across tenants.
  "jobs_dedupe_key_unique",
]);
// The scheduler's cross-tenant scan for due schedules, and the workers' claim of due jobs.
const GLOBAL_INDEXES = new Set(["audit_schedules_status_next_run_at_idx", "jobs_status_run_at_idx"]);

const columnName = (column: unknown) =>
  typeof column === "object" && column !== null && "name" in column ? String(column.name) : undefined;

describe("schema", () => {
  it("lists every table but clients and the OAuth server's own as a tenant table", () => {
    const tenantNames = Object.values(tenantTables).map(getTableName).sort();
    // OAuth clients register (RFC 7591) before any tenant is known; a grant names its tenant in its
    // account id, and every read of it goes through the grant id.
    const global = new Set(["clients", "oauth_records", "oauth_signing_keys"]);
    const others = Object.values(schema)
      .map(getTableName)
      .filter((name) => !global.has(name))
      .sort();
    expect(tenantNames).toEqual(others);
  });

  describe.each(Object.values(tenantTables).map((table) => [getTableName(table), table] as const))(
    "%s",
    (_, table) => {
      const config = getTableConfig(table);

      it("has a not-null client_id referencing clients without cascade", () => {
        expect(config.columns.find((column) => column.name === "client_id")?.notNull).toBe(true);
        const fk = config.foreignKeys
          .map((key) => key.reference())
          .find((ref) => ref.columns[0]?.name === "client_id");
        expect(fk && getTableName(fk.foreignTable)).toBe(getTableName(clients));
        const onDelete = config.foreignKeys.find(
          (key) => key.reference().columns[0]?.name === "client_id",
        )?.onDelete;
        expect(onDelete ?? "no action").toBe("no action");
      });

      it("leads every index and unique constraint with client_id", () => {
        for (const index of config.indexes) {
          if (GLOBAL_INDEXES.has(index.config.name ?? "")) continue;
          expect(columnName(index.config.columns[0]), index.config.name ?? "unnamed index").toBe("client_id");
        }
        for (const constraint of config.uniqueConstraints) {
          const name = constraint.getName() ?? "unnamed unique";
          if (GLOBAL_UNIQUES.has(name)) continue;
          expect(constraint.columns[0]?.name, name).toBe("client_id");
        }
        for (const column of config.columns.filter((c) => c.isUnique)) {
          expect(GLOBAL_UNIQUES.has(column.uniqueName ?? ""), column.uniqueName ?? column.name).toBe(true);
        }
      });
    },
  );

  it("matches the committed migrations (run `pnpm --filter @tagc/db db:generate` after a change)", async () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"));
    const last = journal.entries.at(-1);
    const snapshotFile = join(
      MIGRATIONS_FOLDER,
      "meta",
      `${String(last.idx).padStart(4, "0")}_snapshot.json`,
    );
    const committed = JSON.parse(readFileSync(snapshotFile, "utf8"));
    const current = generateDrizzleJson(schemaModule, committed.id);
    expect(await generateMigration(committed, current)).toEqual([]);
  });
});
