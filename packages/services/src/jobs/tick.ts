// The scheduler: turns what is due (audit schedules, the daily jobs) into job rows. Not a row itself:
// every worker of every replica ticks, and the dedupe keys make concurrent ticks enqueue each unit of
// work once. The tick also expires unused External IDs and forgets old finished jobs.
import { auditSchedules } from "@tagc/db";
import { and, asc, eq, gt } from "drizzle-orm";
import { expireUnusedExternalIds } from "../verification/expire";
import { minuteOfDay, nextDailyAt } from "./scheduler/daily-time";
import { enqueueDailyWork, PREPARE_LEAD_MINUTES } from "./scheduler/daily-work";
import { enqueueDueAudits } from "./scheduler/due-audits";
import { purgeFinishedJobs } from "./scheduler/purge";
import { advanceFailedSchedules } from "./scheduler/stuck-schedules";
import type { JobDeps } from "./types";

export interface TickResult {
  at: string;
  enqueued: {
    scheduled_audit: number;
    daily_snapshot: number;
    connection_health: number;
    policy_sync: number;
  };
  advanced_schedules: number;
  expired_external_ids: number;
  purged_jobs: number;
  /** When this process expects the next scheduled work (for /health). */
  next: { scheduled_audit: string | null; daily_snapshot: string; connection_health: string };
}

export async function tick({ deps, now }: { deps: JobDeps; now?: Date }): Promise<TickResult> {
  const at = now ?? deps.services.now();
  const { db } = deps.services;
  const snapshotMinute = minuteOfDay(deps.config.dailySnapshotTime);
  // Failed runs first, so a schedule they release is enqueued for its next run in the same tick.
  const advanced = await advanceFailedSchedules(db, at);
  const audits = await enqueueDueAudits(db, at, deps.config.maxAttempts);
  const daily = await enqueueDailyWork(db, at, snapshotMinute, deps.config.maxAttempts);
  const expired = await expireUnusedExternalIds(db, at);
  const purged = await purgeFinishedJobs(db, at, deps.config.retentionDays);
  const [upcoming] = await db
    .select({ nextRunAt: auditSchedules.nextRunAt })
    .from(auditSchedules)
    .where(and(eq(auditSchedules.status, "active"), gt(auditSchedules.nextRunAt, at)))
    .orderBy(asc(auditSchedules.nextRunAt))
    .limit(1);
  return {
    at: at.toISOString(),
    enqueued: { scheduled_audit: audits, ...daily },
    advanced_schedules: advanced,
    expired_external_ids: expired,
    purged_jobs: purged,
    next: {
      scheduled_audit: upcoming?.nextRunAt.toISOString() ?? null,
      daily_snapshot: nextDailyAt(at, snapshotMinute).toISOString(),
      connection_health: nextDailyAt(at, snapshotMinute - PREPARE_LEAD_MINUTES).toISOString(),
    },
  };
}
