// Re-verifying a client's connection from a job: the health check, and the check before a scheduled
// scan. The state machine revokes after three AssumeRole refusals in a row; a job checks up to three
// times in a row (a short pause apart, for IAM propagation), so a role the customer deleted is marked
// `revoked` by one run of the job rather than over three days.
import type { Job } from "@tagc/db";
import { primaryConnection } from "../../clients/load";
import { runVerification } from "../../verification/run";
import { REVOKE_AFTER_FAILURES } from "../../verification/transition";
import type { JobDeps } from "../types";
import { liveClient } from "./tenant";

export type Recheck = Awaited<ReturnType<typeof runVerification>>;

export async function recheckConnection(deps: JobDeps, job: Job): Promise<Recheck | null> {
  let result: Recheck | null = null;
  for (let attempt = 1; attempt <= REVOKE_AFTER_FAILURES; attempt++) {
    // Fresh rows each time: the previous verification moved the failure count and maybe the status.
    const client = await liveClient(deps.services.db, job.clientId);
    if (!client) return null;
    const connection = await primaryConnection(deps.services.db, client.id);
    result = await runVerification({
      deps: deps.services,
      client,
      connection,
      actor: { kind: "system", job: job.kind },
      requestId: job.id,
      countFailures: true,
    });
    // Only a refusal that counts toward revocation is worth asking again about right away.
    const counted = result.consecutive_failures > connection.consecutiveFailures;
    if (result.verified || !counted || result.status === "revoked") return result;
    if (attempt < REVOKE_AFTER_FAILURES) await sleep(deps.config.recheckDelayMs);
  }
  return result;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
