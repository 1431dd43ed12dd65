// Each connected client's daily snapshot: every enabled region, every scannable type, stored as a
// `scheduled` snapshot with fresh drift baselines. No Cost Explorer call: the snapshot keeps scores
// and counts only, and every GetCostAndUsage call costs the customer money.
import { COST_GENERATING_TYPES } from "@tagc/core";
import type { Tx } from "@tagc/db";
import { recordAudit } from "../../audit/record";
import { ServiceError } from "../../errors";
import { baselinesOf, insertBaselines } from "../../snapshots/baselines";
import { insertSnapshot } from "../../snapshots/insert";
import type { Analysis } from "../../tools/scan/analyse";
import { analyseAccounts } from "../../tools/scan/pipeline";
import { isUsable, liveClient } from "../steps/tenant";
import { systemClientCtx, systemToolCtx } from "../steps/tool-ctx";
import type { JobHandler, JobOutcome } from "../types";

export const dailySnapshot: JobHandler = {
  kind: "daily_snapshot",
  async run({ deps, job }): Promise<JobOutcome> {
    const client = await liveClient(deps.services.db, job.clientId);
    if (!client) return { skipped: true, result: { reason: "client_deleted" } };
    // The health check runs earlier the same day and may have found the role gone since the tick.
    if (!isUsable(client))
      return { skipped: true, result: { reason: "not_connected", status: client.status } };
    const resourceTypes = [...COST_GENERATING_TYPES];
    let analysis: Analysis;
    try {
      analysis = await analyseAccounts(systemToolCtx(deps, job, client), {
        tool: "daily_snapshot",
        resourceTypes,
        allTypes: true,
        forceRefresh: true,
      });
    } catch (error) {
      if (
        error instanceof ServiceError &&
        (error.code === "ACCESS_REVOKED" || error.code === "NOT_CONNECTED")
      ) {
        return { skipped: true, result: { reason: "not_connected", error_code: error.code } };
      }
      throw error;
    }
    const now = deps.services.now();
    const result = {
      score: analysis.evaluation.compliance_score,
      total: analysis.evaluation.total_resources,
      data_quality: analysis.scan.data_quality.status,
    };
    return {
      result,
      async write(tx: Tx) {
        const snapshotId = await insertSnapshot(tx, {
          clientId: client.id,
          analysis,
          resourceTypes: ["all"],
          kind: "scheduled",
          at: now,
          source: { source: "daily" },
        });
        const baselines = await insertBaselines(tx, baselinesOf(client.id, analysis, now));
        await recordAudit(tx, systemClientCtx(deps, job, client), {
          operation: "snapshot.daily",
          params: { snapshot_id: snapshotId, baselines, ...result },
        });
      },
    };
  },
};
