// Drift baselines are refreshed by every scheduled snapshot. Between two snapshots the customer changes
// tags; detect_tag_drift against the first snapshot's baseline reports each added, removed and changed
// value with the spec's severity, and against the second, nothing.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import { tagBaselines } from "@tagc/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/testing";
import { detectTagDrift } from "../../src/tools/detect-tag-drift";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { DAY, useJobsHarness } from "./harness";
import { ACME_ACCOUNT, acmeAccount, reshapeAccount } from "./world";

const START = new Date("2026-08-03T10:00:00Z");
const arn = (id: string, region = "us-east-1") => `arn:aws:ec2:${region}:${ACME_ACCOUNT}:instance/${id}`;

const instance = (id: string, tags: Record<string, string>): ResourceSeedInput => ({
  type: "ec2:instance",
  region: "us-east-1",
  id,
  state: "running",
  tags,
});

const BEFORE = [
  instance("i-0drift00000000001", {
    Owner: "web@acme.example",
    Environment: "production",
    Application: "shop",
    Name: "web",
  }),
  instance("i-0drift00000000002", {
    Owner: "batch@acme.example",
    Environment: "production",
    CostCenter: "R&D",
  }),
  instance("i-0drift00000000003", { Owner: "ml@acme.example", Environment: "staging", Application: "ml" }),
];
const AFTER = [
  // Owner removed (required: critical); the Name tag is not monitored and its change is not drift.
  instance("i-0drift00000000001", { Environment: "production", Application: "shop", Name: "web-2" }),
  // Environment changed to a value outside its allowed list (warning); Application added (info);
  // CostCenter (optional) changed (info).
  instance("i-0drift00000000002", {
    Owner: "batch@acme.example",
    Environment: "prod",
    Application: "batch",
    CostCenter: "Ops",
  }),
  // Environment changed within its allowed list (info).
  instance("i-0drift00000000003", { Owner: "ml@acme.example", Environment: "production", Application: "ml" }),
];

describe("drift across two scheduled snapshots (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START });

  it("reports added, removed and changed values with their severities, in a deterministic order", async () => {
    const h = harness();
    reshapeAccount(h.sandbox, acmeAccount(BEFORE));
    await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, {
      schedule: "daily",
      time: "12:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
    });
    const runAt = (day: number) => new Date(START.getTime() + day * DAY + 2 * 3600_000);

    // First snapshot: the baseline, the policy's keys only (never Name).
    h.clock.set(runAt(0));
    await h.main.tick();
    await h.main.work();
    const first = await h.db.select().from(tagBaselines).where(eq(tagBaselines.clientId, h.acme.id));
    expect(Object.fromEntries(first.map((b) => [b.resourceArn, b.tags]))).toEqual({
      [arn("i-0drift00000000001")]: {
        Owner: "web@acme.example",
        Environment: "production",
        Application: "shop",
      },
      [arn("i-0drift00000000002")]: {
        Owner: "batch@acme.example",
        Environment: "production",
        CostCenter: "R&D",
      },
      [arn("i-0drift00000000003")]: { Owner: "ml@acme.example", Environment: "staging", Application: "ml" },
    });

    // The customer changes tags; two days later the second scheduled snapshot.
    reshapeAccount(h.sandbox, acmeAccount(AFTER));
    h.clock.set(runAt(2));
    await h.main.tick();
    await h.main.work();
    expect((await h.snapshots(h.acme.id, "scheduled")).filter((s) => s.scope.schedule_id)).toHaveLength(2);

    // A day after the second snapshot: a one-day lookback reaches the second snapshot's baseline (no
    // drift since), a two-day lookback the first's.
    h.clock.set(new Date(runAt(3).getTime() + 60_000));
    const input = {
      resource_types: ["ec2:instance"],
      lookback_days: 1,
      tag_keys: ["Owner", "Environment", "Application", "CostCenter"],
    };
    const sinceSecond = await runTool(await h.toolCtx(h.acme.id), detectTagDrift, input);
    expect(sinceSecond).toMatchObject({ baseline_established: false, changes: [] });
    const drift = await runTool(await h.toolCtx(h.acme.id), detectTagDrift, { ...input, lookback_days: 2 });
    expect(drift.baseline_established).toBe(false);
    expect(drift.changes).toEqual([
      change("i-0drift00000000001", "Owner", "removed", "web@acme.example", null, "critical"),
      change("i-0drift00000000002", "Application", "added", null, "batch", "info"),
      change("i-0drift00000000002", "CostCenter", "changed", "R&D", "Ops", "info"),
      change("i-0drift00000000002", "Environment", "changed", "production", "prod", "warning"),
      change("i-0drift00000000003", "Environment", "changed", "staging", "production", "info"),
    ]);
    expect(drift.summary).toMatchObject({
      added: 1,
      removed: 1,
      changed: 3,
      critical: 1,
      warning: 1,
      info: 3,
    });

    // The other tenant compares with its own baseline (from its daily snapshot) and never sees Acme's.
    const globex = await runTool(await h.toolCtx(h.globex.id), detectTagDrift, {
      resource_types: ["ec2:instance"],
      lookback_days: 1,
    });
    expect(globex).toMatchObject({ baseline_established: false, changes: [], resources_compared: 1 });
    expect(JSON.stringify(globex)).not.toContain(ACME_ACCOUNT);
  });
});

function change(
  id: string,
  tagKey: string,
  changeType: "added" | "removed" | "changed",
  oldValue: string | null,
  newValue: string | null,
  severity: "critical" | "warning" | "info",
) {
  return {
    resource_arn: arn(id),
    tag_key: tagKey,
    change_type: changeType,
    old_value: oldValue,
    new_value: newValue,
    severity,
  };
}
