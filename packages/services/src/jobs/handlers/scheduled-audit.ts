// A client's persisted audit schedule, due: re-verify the connection, scan, store a `scheduled`
// snapshot and fresh drift baselines, move the schedule to its next occurrence, and queue the report
// for the recipients — every write in the one transaction that completes the job.
import type { AuditSchedule, Client, Job, Tx } from "@tagc/db";
import { z } from "zod";
import { buildDigests } from "../../alerts/digest";
import { alertJobs } from "../../alerts/plan";
import { recordAudit } from "../../audit/record";
import { ServiceError } from "../../errors";
import { baselinesOf, insertBaselines } from "../../snapshots/baselines";
import { insertSnapshot } from "../../snapshots/insert";
import type { Analysis } from "../../tools/scan/analyse";
import { analyseAccounts } from "../../tools/scan/pipeline";
import { resolveResourceTypes } from "../../tools/scan/scope";
import { renderNotification } from "../notify/render";
import { enqueueJobs } from "../queue/enqueue";
import { recheckConnection } from "../steps/recheck";
import { isUsable, liveClient } from "../steps/tenant";
import { systemClientCtx, systemToolCtx } from "../steps/tool-ctx";
import { type JobDeps, type JobHandler, type JobOutcome, RetryableJobError } from "../types";
import { advanceSchedule, loadScheduleJob } from "./schedule-row";

export const scheduledAuditPayload = z.object({
  schedule_id: z.string(),
  /** The schedule's next_run_at when the job was queued (ISO-8601). */
  due_at: z.string(),
});
export type ScheduledAuditPayload = z.infer<typeof scheduledAuditPayload>;

export const scheduledAudit: JobHandler = {
  kind: "scheduled_audit",
  async run({ deps, job }): Promise<JobOutcome> {
    const { db } = deps.services;
    const loaded = await loadScheduleJob(db, job, scheduledAuditPayload);
    if ("skip" in loaded) return loaded.skip;
    const { payload, client, schedule } = loaded;
    if (schedule.nextRunAt.toISOString() !== payload.due_at) {
      return {
        skipped: true,
        result: { reason: "already_ran", next_run_at: schedule.nextRunAt.toISOString() },
      };
    }

    const check = await recheckConnection(deps, job);
    if (!check) return { skipped: true, result: { reason: "client_deleted" } };
    const now = deps.services.now();
    if (!check.verified) {
      // Still connected by the state machine: the refusal was transient (throttling, network) or not yet
      // the third in a row. Worth another try after a back-off.
      if (isUsable(check))
        throw new RetryableJobError(`verification failed: ${check.error?.code ?? "unknown"}`);
      return skip(deps, job, client, schedule, now, {
        reason: "not_connected",
        status: check.status,
        error_code: check.error?.code ?? null,
      });
    }

    const current = (await liveClient(db, client.id)) ?? client;
    const requested = (schedule.scope.resource_types as string[] | undefined) ?? ["all"];
    const resourceTypes = resolveResourceTypes(requested);
    let analysis: Analysis;
    try {
      // The scan pipeline of the check and report tools, so a scheduled report and a tool call agree.
      analysis = await analyseAccounts(systemToolCtx(deps, job, current), {
        tool: "scheduled_audit",
        resourceTypes,
        allTypes: requested.includes("all"),
        costs: {},
        // A scheduled snapshot is a fresh look at the account, never a cached scan.
        forceRefresh: true,
      });
    } catch (error) {
      // The role was refused three times in a row during the scan: the scan marked the client revoked.
      if (
        error instanceof ServiceError &&
        (error.code === "ACCESS_REVOKED" || error.code === "NOT_CONNECTED")
      ) {
        return skip(deps, job, client, schedule, now, { reason: "not_connected", error_code: error.code });
      }
      throw error;
    }

    const notification = schedule.recipients.length
      ? renderNotification(current, schedule, analysis, schedule.nextRunAt)
      : null;
    // The schedule's own targets: one delivery job each, retried on its own (see deliver-alert.ts).
    const alerts = alertJobs(schedule, buildDigests(current, schedule, analysis, schedule.nextRunAt));
    const result = {
      score: analysis.evaluation.compliance_score,
      total: analysis.evaluation.total_resources,
      data_quality: analysis.scan.data_quality.status,
      notified: notification !== null,
      alerts: alerts.length,
    };
    return {
      result,
      async write(tx: Tx) {
        const snapshotId = await insertSnapshot(tx, {
          clientId: client.id,
          analysis,
          resourceTypes: requested,
          kind: "scheduled",
          at: now,
          source: { schedule_id: schedule.id },
        });
        const baselines = await insertBaselines(tx, baselinesOf(client.id, analysis, now));
        const next = await advanceSchedule(tx, schedule, now, true);
        if (notification) {
          // Delivery is its own job: a failing mail relay is retried without scanning again.
          await enqueueJobs(tx, [
            {
              clientId: client.id,
              kind: "send_report",
              payload: { ...notification },
              runAt: now,
              dedupeKey: `send_report:${schedule.id}:${payload.due_at}`,
              maxAttempts: deps.config.maxAttempts,
            },
          ]);
        }
        await enqueueJobs(
          tx,
          alerts.map((alert) => ({
            clientId: client.id,
            kind: "deliver_alert" as const,
            payload: { ...alert },
            runAt: now,
            dedupeKey: `deliver_alert:${schedule.id}:${payload.due_at}:${alert.channel}:${alert.owner ?? "*"}`,
            maxAttempts: deps.config.maxAttempts,
          })),
        );
        await recordAudit(tx, systemClientCtx(deps, job, client), {
          operation: "schedule.run",
          params: {
            schedule_id: schedule.id,
            due_at: payload.due_at,
            snapshot_id: snapshotId,
            baselines,
            next_run: next.toISOString(),
            ...result,
          },
        });
      },
    };
  },
};

/** A run that cannot happen still moves the schedule on (and says why), so it is not retried forever. */
function skip(
  deps: JobDeps,
  job: Job,
  client: Client,
  schedule: AuditSchedule,
  now: Date,
  reason: Record<string, string | null>,
): JobOutcome {
  return {
    skipped: true,
    result: reason,
    async write(tx: Tx) {
      const next = await advanceSchedule(tx, schedule, now, false);
      await recordAudit(tx, systemClientCtx(deps, job, client), {
        operation: "schedule.skipped",
        params: {
          schedule_id: schedule.id,
          due_at: schedule.nextRunAt.toISOString(),
          next_run: next.toISOString(),
          ...reason,
        },
        outcome: "error",
        errorCode: reason.error_code ?? "NOT_CONNECTED",
      });
    },
  };
}
