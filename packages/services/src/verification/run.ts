// One verification of one connection: assume the role, probe, move the state machine, record it.
// The AWS calls happen before the transaction: a transaction is never held open across the network.

import { type ProbeResult, type ProbeVerdict, roleArnAccount, verifyAccess } from "@tagc/aws";
import { type AwsConnection, awsConnections, type Client, clients } from "@tagc/db";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { forgetTenantReads } from "../cache/fresh-reads";
import type { Actor, ServiceDeps } from "../context";
import { conflict, invalid } from "../errors";
import { roleArnFor } from "../onboarding/quick-create";
import { describeAttempt } from "./attempt";
import { fixFor } from "./fix-it";
import { nextPollAt } from "./schedule";
import { nextState } from "./transition";

export interface RunVerificationOptions {
  deps: ServiceDeps;
  client: Client;
  connection: AwsConnection;
  actor: Actor;
  requestId: string;
  roleArn?: string | undefined;
  countFailures: boolean;
}

export async function runVerification(options: RunVerificationOptions) {
  const { deps, client, connection, actor, requestId } = options;
  const started = Date.now();
  const now = deps.now();
  const ctx = { deps, actor, requestId, client };

  if (!connection.verifiedAt && connection.externalIdExpiresAt <= now) {
    return record(
      { status: client.status, consecutiveFailures: connection.consecutiveFailures },
      "EXTERNAL_ID_EXPIRED",
      null,
      [],
    );
  }
  const roleArn =
    options.roleArn ??
    connection.roleArn ??
    (connection.accountId ? roleArnFor(connection.accountId, connection.roleName) : null);
  if (!roleArn)
    throw invalid("role_arn", "is required: the client was registered without an AWS account id", {
      fix: fixFor("ROLE_ARN_REQUIRED"),
    });
  const accountId = roleArnAccount(roleArn);
  if (!accountId)
    throw invalid("role_arn", "must be an IAM role ARN like arn:aws:iam::123456789012:role/Name");
  if (connection.accountId && connection.accountId !== accountId) {
    throw invalid(
      "role_arn",
      `belongs to account ${accountId}, but the client is registered for account ${connection.accountId}`,
    );
  }

  const result = await verifyAccess({
    broker: deps.broker,
    config: deps.aws,
    target: { clientId: client.id, accountId, roleArn, externalId: connection.externalId },
    now,
  });
  const attempt = describeAttempt(result);
  const state = nextState(
    { status: client.status, consecutiveFailures: connection.consecutiveFailures },
    attempt.outcome,
    options.countFailures,
  );
  return record(
    state,
    attempt.code,
    attempt.message,
    "deniedActions" in result ? result.deniedActions : [],
    result.ok ? accountId : null,
    roleArn,
    result.verdict,
    result.probes,
  );

  async function record(
    state: { status: Client["status"]; consecutiveFailures: number },
    code: string | null,
    message: string | null,
    deniedActions: string[],
    verifiedAccount: string | null = null,
    arn: string | null = connection.roleArn,
    verdict: ProbeVerdict = "failed",
    probes: ProbeResult[] = [],
  ) {
    const expired = code === "EXTERNAL_ID_EXPIRED";
    const pollAgain = state.status === "pending" && !expired;
    const recorded = await deps.db.transaction(async (tx) => {
      const updated = await tx
        .update(awsConnections)
        .set({
          status: state.status,
          consecutiveFailures: state.consecutiveFailures,
          lastCheckedAt: now,
          lastErrorCode: code,
          lastErrorMessage: message ?? (expired ? "External ID expired" : null),
          nextCheckAt: pollAgain ? nextPollAt(connection.createdAt, now) : null,
          leaseOwner: null,
          leaseExpiresAt: null,
          roleArn: arn,
          lastProbes: probes,
          ...(verifiedAccount
            ? { accountId: verifiedAccount, verifiedAt: connection.verifiedAt ?? now }
            : {}),
        })
        .where(and(eq(awsConnections.id, connection.id), ne(awsConnections.status, "deleted")))
        .returning({ id: awsConnections.id });
      // Offboarded while AWS was being called: the outcome must not bring the connection back.
      if (!updated.length) return false;
      if (state.status !== client.status || expired) {
        await tx
          .update(clients)
          .set({
            status: state.status,
            statusReason: expired ? "external_id_expired" : code ? code.toLowerCase() : null,
          })
          .where(eq(clients.id, client.id));
      }
      await recordAudit(tx, ctx, {
        operation: "clients.verify",
        params: { role_arn: arn, trigger: actor.kind === "system" ? actor.job : "on_demand" },
        outcome: code && code !== "DEGRADED" ? "error" : "ok",
        errorCode: code,
        durationMs: Date.now() - started,
      });
      return true;
    });
    if (!recorded) {
      // The offboarding already dropped this tenant's credentials; drop the ones just assumed too.
      deps.broker.invalidate(client.id);
      throw conflict(`client ${client.id} is deleted`);
    }
    // The connection (and maybe the client's status) changed: no cached copy may outlive this here.
    await forgetTenantReads(deps, client.id);
    // Credentials of a revoked role are useless, and must not linger in memory; nor may any answer
    // read through it, on any replica (a scan cached before the role was deleted).
    if (state.status === "revoked") {
      deps.broker.invalidate(client.id);
      await deps.tenantData.revoke(client.id);
    }
    return {
      client_id: client.id,
      status: state.status,
      // Only successful reads from this very attempt verify: never a previous status, never a 5xx.
      verified: verdict === "connected" || verdict === "degraded",
      verdict,
      aws_account_id: verifiedAccount ?? connection.accountId,
      role_arn: arn,
      denied_actions: deniedActions,
      consecutive_failures: state.consecutiveFailures,
      error: code ? { code, message: message ?? "", fix: fixFor(code, probes) } : null,
      probes,
      checked_at: now.toISOString(),
    };
  }
}
