import type { Client, Job } from "@tagc/db";
import type { ClientCtx } from "../../context";
import { type ToolCtx, toolCtx } from "../../tools/context";
import type { JobDeps } from "../types";

/**
 * The context the scanning pipeline expects, for a job: the system actor named after the job kind (so
 * audit rows say which job acted), the job id as the request id (so a retried job meters its scan once),
 * the shared tool runtime, and the job's own scan deadline (no MCP client is waiting).
 */
export function systemToolCtx(deps: JobDeps, job: Job, client: Client): ToolCtx {
  return {
    ...toolCtx(systemClientCtx(deps, job, client), deps.runtime),
    deadlineMs: deps.config.scanDeadlineMs,
  };
}

/** The same without the scanning pieces, for verbs and audit rows. */
export function systemClientCtx(deps: JobDeps, job: Job, client: Client): ClientCtx {
  return { deps: deps.services, actor: { kind: "system", job: job.kind }, requestId: job.id, client };
}
