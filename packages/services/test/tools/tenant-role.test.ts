// Row-level security on the MCP tool path (issue 13): every row a tool call writes — its audit row,
// its usage, a stored snapshot, drift baselines, a schedule — is written inside scoped(ctx), as the
// tagc_app role with app.client_id set to the caller's client, so the policies stand under the code's
// own client_id filters. A trigger on those tables refuses any other writer; two tenants call the
// tools and each one's rows are its own. Reads go through the same scoped(ctx) (history, baselines,
// policy, connections, quota); the unscoped-select proof of the policies themselves is rls.test.ts.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { detectTagDrift } from "../../src/tools/detect-tag-drift";
import { getViolationHistory } from "../../src/tools/get-violation-history";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { ok, useToolsHarness } from "./harness";

const WRITTEN = ["audit_events", "usage_events", "compliance_snapshots", "tag_baselines", "audit_schedules"];

describe("the tool path writes as its tenant", () => {
  const harness = useToolsHarness("postgres");

  it("every row a tool writes comes from tagc_app with its own client id", async () => {
    const h = harness();
    const db = h.services.db;
    await db.execute(
      sql.raw(`create or replace function tagc_assert_tenant() returns trigger language plpgsql as $$
        begin
          if current_user <> 'tagc_app' or current_setting('app.client_id', true) is distinct from new.client_id then
            raise exception 'unscoped write to % by %', tg_table_name, current_user;
          end if;
          return new;
        end $$`),
    );
    for (const table of WRITTEN) {
      await db.execute(
        sql.raw(
          `create trigger tagc_assert_tenant before insert on ${table} for each row execute function tagc_assert_tenant()`,
        ),
      );
    }
    const count = async (table: string) =>
      Number(
        (
          (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]?.n,
      );
    const before = Object.fromEntries(
      await Promise.all(WRITTEN.map(async (t) => [t, await count(t)] as const)),
    );
    for (const tenant of [h.acme, h.globex]) {
      ok(await h.call(tenant, checkTagCompliance, { resource_types: ["all"], store_snapshot: true }));
      ok(await h.call(tenant, detectTagDrift, { resource_types: ["all"] }));
      ok(await h.call(tenant, scheduleComplianceAudit, { schedule: "daily", time: "06:00" }));
      const history = ok(await h.call(tenant, getViolationHistory, {}));
      expect(history.snapshot_count).toBe(1);
    }
    // Each table received rows from both tenants, every one through the trigger's check.
    for (const table of WRITTEN) expect(await count(table), table).toBeGreaterThan(before[table] ?? 0);
  });
});
