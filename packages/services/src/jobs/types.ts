// What the background jobs run with, and the contract every job handler follows.
import type { Job, JobKind, JsonObject, Tx } from "@tagc/db";
import type { ServiceDeps } from "../context";
import type { ToolRuntime } from "../tools/runtime";
import type { Notifier } from "./notify/notifier";

export interface JobConfig {
  /** "HH:MM" UTC: each connected client's daily snapshot; health and policy sync run 30 min before. */
  dailySnapshotTime: string;
  /** A claimed job is this worker's until then; the worker renews it while the job runs. */
  leaseMs: number;
  /** Claims before a job fails for good. */
  maxAttempts: number;
  /** Background scans have no MCP client waiting, but still stop (and report partial) at some point. */
  scanDeadlineMs: number;
  /** Between re-verifications of a role AWS refused (IAM changes take seconds to propagate). */
  recheckDelayMs: number;
  /** Finished job rows are deleted after this many days. */
  retentionDays: number;
}

export const DEFAULT_JOB_CONFIG: JobConfig = {
  dailySnapshotTime: "02:00",
  leaseMs: 5 * 60_000,
  maxAttempts: 5,
  scanDeadlineMs: 4 * 60_000,
  recheckDelayMs: 2_000,
  retentionDays: 30,
};

/** Chosen once at start-up, like ServiceDeps; the notifier's log implementation is the embedded default. */
export interface JobDeps {
  services: ServiceDeps;
  /** The same runtime the MCP tools use (cache, AWS budget, scan memo), so both see one state. */
  runtime: ToolRuntime;
  notifier: Notifier;
  config: JobConfig;
}

/**
 * What a handler did. AWS calls happen inside `run`, never inside a transaction; the database writes
 * are returned as `write` and committed together with the job's completion, only while this worker
 * still holds the lease. A worker that lost its job to another (lease expired) therefore writes nothing,
 * which is what makes a job's effects happen exactly once.
 */
export interface JobOutcome {
  /** Recorded on the job row. */
  result: JsonObject;
  /** True when the job decided there was nothing to do (client deleted, not connected...). */
  skipped?: boolean;
  write?: (tx: Tx) => Promise<void>;
}

export interface JobHandler {
  kind: JobKind;
  run(input: { deps: JobDeps; job: Job }): Promise<JobOutcome>;
}

/** Thrown by a handler for a failure worth retrying later (throttling, network): the job backs off. */
export class RetryableJobError extends Error {
  override name = "RetryableJobError";
}
