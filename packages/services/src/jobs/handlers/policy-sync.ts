// Clients whose current policy was imported from AWS Organizations: read that tag policy again through
// the client's role and keep a new version only when the converted policy differs from the current one.
import { AwsReadError, describeTagPolicy } from "@tagc/aws";
import { convertAwsTagPolicy, parsePolicy, serializePolicy, type TaggingPolicy } from "@tagc/core";
import type { Tx } from "@tagc/db";
import { ServiceError } from "../../errors";
import { currentPolicy } from "../../policy/current";
import { putPolicy } from "../../policy/put";
import { credentialsFor } from "../../tools/scan/credentials";
import { scanTargets } from "../../tools/scan/targets";
import { isUsable, liveClient } from "../steps/tenant";
import { systemClientCtx, systemToolCtx } from "../steps/tool-ctx";
import type { JobHandler, JobOutcome } from "../types";

// Organizations answers that will not change by retrying: recorded, and tomorrow's run tries again.
const TERMINAL = new Set(["POLICY_NOT_FOUND", "ORG_NOT_IN_USE", "ACCESS_DENIED"]);

/** Same rules, whatever the version label or the time stamp of the conversion. */
const sameRules = (a: TaggingPolicy, b: TaggingPolicy) =>
  serializePolicy({ ...a, version: "", last_updated: null }) ===
  serializePolicy({ ...b, version: "", last_updated: null });

export const policySync: JobHandler = {
  kind: "policy_sync",
  async run({ deps, job }): Promise<JobOutcome> {
    const { db } = deps.services;
    const client = await liveClient(db, job.clientId);
    if (!client) return { skipped: true, result: { reason: "client_deleted" } };
    if (!isUsable(client))
      return { skipped: true, result: { reason: "not_connected", status: client.status } };
    const { row, policy } = await currentPolicy(db, client.id);
    // An uploaded policy replaced the import since the job was queued: it is the customer's now.
    if (row.source !== "imported" || !row.sourceRef)
      return { skipped: true, result: { reason: "not_imported" } };

    const ctx = systemToolCtx(deps, job, client);
    let content: Record<string, unknown>;
    let policyId: string;
    try {
      const [target] = await scanTargets(ctx, undefined);
      if (!target) return { skipped: true, result: { reason: "not_connected" } };
      const credentials = await credentialsFor(ctx, target);
      ({ content, id: policyId } = await describeTagPolicy({
        config: deps.services.aws,
        credentials,
        policyId: row.sourceRef,
      }));
    } catch (error) {
      if (error instanceof AwsReadError && TERMINAL.has(error.code)) {
        return {
          skipped: true,
          result: { reason: "unreadable", error_code: error.code, version: row.version },
        };
      }
      if (error instanceof ServiceError)
        return { skipped: true, result: { reason: "not_connected", error_code: error.code } };
      throw error;
    }
    const parsed = parsePolicy(convertAwsTagPolicy(content).policy);
    if (!parsed.ok)
      return {
        skipped: true,
        result: { reason: "invalid_policy", issues: parsed.errors.length, version: row.version },
      };
    if (sameRules(parsed.policy, policy)) return { result: { changed: false, version: row.version } };
    return {
      result: { changed: true, previous_version: row.version },
      async write(tx: Tx) {
        // The verb itself, on this transaction: the same validation, versioning and audit row as an import.
        await putPolicy({
          ctx: { ...systemClientCtx(deps, job, client), deps: { ...deps.services, db: tx } },
          input: { document: parsed.policy, source: "imported", source_ref: policyId },
        });
      },
    };
  },
};
