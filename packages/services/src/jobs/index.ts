// Background work: a durable job queue on our own table, its handlers and the scheduler tick.
export { JOB_HANDLERS } from "./handlers";
export type { ScheduledAuditPayload } from "./handlers/scheduled-audit";
export { type LogFn, LogNotifier } from "./notify/log-notifier";
export type { Notifier, ReportNotification } from "./notify/notifier";
export { WebhookNotifier, type WebhookNotifierOptions } from "./notify/webhook-notifier";
export { retryDelayMs } from "./queue/backoff";
export { type ClaimOptions, claimJobs } from "./queue/claim";
export { completeJob } from "./queue/complete";
export { type EnqueueJob, enqueueJobs } from "./queue/enqueue";
export { failJob } from "./queue/fail";
export { releaseJob } from "./queue/release";
export { renewLease } from "./queue/renew";
export { type JobRun, type JobRunOutcome, runJob } from "./run";
export { type TickResult, tick } from "./tick";
export {
  DEFAULT_JOB_CONFIG,
  type JobConfig,
  type JobDeps,
  type JobHandler,
  type JobOutcome,
  RetryableJobError,
} from "./types";
export { type WorkOptions, workJobs } from "./work";
