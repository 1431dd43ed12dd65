// The daily health check of a connected (or degraded) client: re-verify, and let the state machine
// move it to degraded or revoked. runVerification writes the connection, the client and the audit row.
import { recheckConnection } from "../steps/recheck";
import { isUsable, liveClient } from "../steps/tenant";
import type { JobHandler, JobOutcome } from "../types";

export const connectionHealth: JobHandler = {
  kind: "connection_health",
  async run({ deps, job }): Promise<JobOutcome> {
    const client = await liveClient(deps.services.db, job.clientId);
    if (!client) return { skipped: true, result: { reason: "client_deleted" } };
    // Pending clients are polled by the verification sweep; revoked ones wait for an on-demand verify.
    if (!isUsable(client))
      return { skipped: true, result: { reason: "not_connected", status: client.status } };
    const check = await recheckConnection(deps, job);
    if (!check) return { skipped: true, result: { reason: "client_deleted" } };
    return {
      result: {
        previous_status: client.status,
        status: check.status,
        verified: check.verified,
        error_code: check.error?.code ?? null,
        denied_actions: check.denied_actions,
      },
    };
  },
};
