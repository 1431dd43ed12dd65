// The AWS accounts a tool may read for this client: its own connections, and only usable ones.
import type { AwsConnection } from "@tagc/db";
import { listConnections } from "../../clients/load";
import { invalid, ServiceError } from "../../errors";
import { scoped } from "../../scoped";
import type { ToolCtx } from "../context";

export interface ScanTarget {
  connection: AwsConnection;
  accountId: string;
  roleArn: string;
}

const NOT_CONNECTED =
  "This client's AWS account is not connected yet: the CloudFormation stack from the onboarding link has not been deployed or verified. Ask the account administrator to deploy it, then try again.";

const STATUS_MESSAGES: Partial<Record<string, string>> = {
  pending: NOT_CONNECTED,
  revoked:
    "Access revoked — re-deploy the stack. AWS refused to let Tag Compliance Cloud assume the read-only role (it was deleted, its trust was edited, or the External ID changed). Ask the account administrator to re-deploy the CloudFormation stack from the onboarding link.",
  deleted: "This client has been offboarded; no AWS account can be scanned.",
};

/**
 * Connected (or degraded) accounts, filtered by the caller's `accounts` list when given. `field` is
 * the argument the list came from (`filters.account_id`, `account_id`), so a refusal names it.
 */
export async function scanTargets(
  ctx: ToolCtx,
  accounts: string[] | undefined,
  field = "accounts",
): Promise<ScanTarget[]> {
  refuseUnconnected(ctx);
  const connections = await scoped(ctx, ({ deps }) => listConnections(deps.db, ctx.client.id));
  return targetsAmong(connections, accounts, field);
}

/** Refuses a client whose status rules out any scan, before any database read. */
export function refuseUnconnected(ctx: ToolCtx): void {
  const message = STATUS_MESSAGES[ctx.client.status];
  if (message)
    throw new ServiceError(ctx.client.status === "revoked" ? "ACCESS_REVOKED" : "NOT_CONNECTED", message);
}

/** scanTargets over connections the caller already read (planScan reads them with the policy). */
export function targetsAmong(
  connections: AwsConnection[],
  accounts: string[] | undefined,
  field = "accounts",
): ScanTarget[] {
  const usable = connections.filter(
    (c): c is AwsConnection & { accountId: string; roleArn: string } =>
      (c.status === "connected" || c.status === "degraded") && !!c.accountId && !!c.roleArn,
  );
  if (!usable.length) throw new ServiceError("NOT_CONNECTED", NOT_CONNECTED);
  const known = usable.map((c) => c.accountId);
  const unknown = (accounts ?? []).filter((a) => !known.includes(a));
  if (unknown.length) {
    throw invalid(
      field,
      `${unknown.join(", ")} is not a connected account of this client; connected: ${known.join(", ")}`,
    );
  }
  return usable
    .filter((c) => !accounts?.length || accounts.includes(c.accountId))
    .map((connection) => ({ connection, accountId: connection.accountId, roleArn: connection.roleArn }));
}
