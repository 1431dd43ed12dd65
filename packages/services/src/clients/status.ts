import type { ClientCtx } from "../context";
import { fixFor } from "../verification/fix-it";
import { primaryConnection } from "./load";

/** Connection health, with the fix for the last error. Never the External ID. */
export async function getClientStatus({ ctx }: { ctx: ClientCtx }) {
  const connection = await primaryConnection(ctx.deps.db, ctx.client.id);
  const latest = ctx.deps.onboarding.templateVersion;
  return {
    client_id: ctx.client.id,
    status: ctx.client.status,
    aws_account_id: connection.accountId,
    role_arn: connection.roleArn,
    last_checked_at: connection.lastCheckedAt?.toISOString() ?? null,
    next_check_at: connection.nextCheckAt?.toISOString() ?? null,
    verified_at: connection.verifiedAt?.toISOString() ?? null,
    consecutive_failures: connection.consecutiveFailures,
    last_error_code: connection.lastErrorCode,
    last_error_message: connection.lastErrorMessage,
    fix: fixFor(connection.lastErrorCode, connection.lastProbes),
    external_id_expires_at: connection.verifiedAt ? null : connection.externalIdExpiresAt.toISOString(),
    template_version: connection.templateVersion,
    latest_template_version: latest,
    template_outdated: connection.templateVersion !== latest,
    policy_import_note: connection.policyImportNote,
    // The last attempt's reads, one per permission family: this client's own row only (the
    // connection was loaded by ctx.client.id), so another tenant's probes can never appear here.
    probes: connection.lastProbes ?? [],
  };
}
