// Credentials for one target, and what an AssumeRole refusal in the middle of a session means.

import { AssumeRoleError, type AwsCredentialIdentityProvider } from "@tagc/aws";
import { awsConnections, clients } from "@tagc/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../audit/record";
import { forgetTenantReads } from "../../cache/fresh-reads";
import { ServiceError } from "../../errors";
import { scoped } from "../../scoped";
import { nextState, REVOKE_AFTER_FAILURES } from "../../verification/transition";
import type { ToolCtx } from "../context";
import type { ScanTarget } from "./targets";

const roleTarget = (ctx: ToolCtx, target: ScanTarget) => ({
  clientId: ctx.client.id,
  accountId: target.accountId,
  roleArn: target.roleArn,
  externalId: target.connection.externalId,
});

/**
 * Makes sure the role can be assumed, then hands out a provider reading the broker's cache. When AWS
 * refuses AssumeRole, the refusal is retried until it has happened three times in a row — the
 * revocation rule of the state machine — so a role the customer deleted is marked `revoked` at once.
 */
export async function credentialsFor(
  ctx: ToolCtx,
  target: ScanTarget,
): Promise<AwsCredentialIdentityProvider> {
  const role = roleTarget(ctx, target);
  let failures = target.connection.consecutiveFailures;
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.deps.broker.getCredentials(role, attempt ? { forceRefresh: true } : undefined);
      return ctx.deps.broker.providerFor(role);
    } catch (error) {
      if (!(error instanceof AssumeRoleError)) throw error;
      const { classification } = error;
      if (!classification.countsTowardRevocation) {
        throw new ServiceError(
          "AWS_ERROR",
          `AWS could not be reached for account ${target.accountId}: ${classification.message} ${classification.fix}`,
        );
      }
      failures += 1;
      if (failures >= REVOKE_AFTER_FAILURES || attempt >= REVOKE_AFTER_FAILURES - 1) {
        await markRevoked(ctx, target, failures, classification.code);
        throw new ServiceError(
          "ACCESS_REVOKED",
          `Access revoked — re-deploy the stack. AWS refused to let Tag Compliance Cloud assume the role in account ${target.accountId} (the role was deleted, its trust was edited, or the External ID changed). Ask the account administrator to re-deploy the CloudFormation stack from the onboarding link, then verify the client again.`,
          // A scoring tool turns this into "nothing could be read in account X" (scan/unread.ts).
          { account_id: target.accountId, code: classification.code },
        );
      }
    }
  }
}

/** On a refreshed session that later fails with AccessDenied, drop it so the next call re-assumes. */
export function dropCredentials(ctx: ToolCtx, target: ScanTarget) {
  ctx.deps.broker.invalidate(ctx.client.id, target.accountId);
}

async function markRevoked(ctx: ToolCtx, target: ScanTarget, failures: number, code: string) {
  const state = nextState(
    { status: ctx.client.status, consecutiveFailures: Math.max(failures, REVOKE_AFTER_FAILURES) - 1 },
    { kind: "failed", code, countsTowardRevocation: true },
    true,
  );
  await scoped(ctx, async ({ deps: { db: tx } }) => {
    await tx
      .update(awsConnections)
      .set({
        status: state.status,
        consecutiveFailures: state.consecutiveFailures,
        lastErrorCode: code,
        lastCheckedAt: ctx.deps.now(),
      })
      .where(eq(awsConnections.id, target.connection.id));
    await tx
      .update(clients)
      .set({ status: state.status, statusReason: code.toLowerCase() })
      .where(eq(clients.id, ctx.client.id));
    await recordAudit(tx, ctx, {
      operation: "connection.revoked",
      params: { account_id: target.accountId },
      outcome: "error",
      errorCode: code,
    });
  });
  // The client's status and connection changed: no cached copy of either may outlive this here.
  await forgetTenantReads(ctx.deps, ctx.client.id);
  ctx.deps.broker.invalidate(ctx.client.id);
  await ctx.deps.tenantData.revoke(ctx.client.id);
}
