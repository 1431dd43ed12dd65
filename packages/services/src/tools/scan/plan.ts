// The top of the scan pipeline: everything one call needs is resolved here, once, before any AWS
// read: the client's usable accounts, a credential provider for each (AssumeRole when cold), the
// current policy and its version, and the cost period. Later stages only read the plan.
import type { AwsCredentialIdentityProvider } from "@tagc/aws";
import type { GapGroupBy, TaggingPolicy } from "@tagc/core";
import { listConnections } from "../../clients/load";
import { currentPolicy } from "../../policy/current";
import { scoped } from "../../scoped";
import type { ToolCtx } from "../context";
import { credentialsFor, dropCredentials } from "./credentials";
import { resolvePeriod } from "./period";
import { syncRevocations } from "./revocation";
import { refuseUnconnected, type ScanTarget, targetsAmong } from "./targets";
import type { ScanRequest, TimePeriod } from "./types";

export interface PlannedTarget extends ScanTarget {
  credentials: AwsCredentialIdentityProvider;
  /**
   * Drops the session and assumes the role again: a scan whose every call was denied may hold the
   * session of a role the customer deleted, and re-assuming tells revoked (AssumeRole refused three
   * times → ACCESS_REVOKED) from narrowed.
   */
  reassume(): Promise<AwsCredentialIdentityProvider>;
}

export interface ScanPlan {
  request: ScanRequest;
  policy: TaggingPolicy;
  policyVersion: number;
  targets: PlannedTarget[];
  /** Set when the request wants costs. */
  period?: TimePeriod | undefined;
  groupBy: GapGroupBy;
}

export async function planScan(ctx: ToolCtx, request: ScanRequest): Promise<ScanPlan> {
  // The period is validated first: a typo must not cost an AssumeRole or a scan.
  const period = request.costs ? resolvePeriod(ctx.deps.now(), request.costs.period) : undefined;
  await syncRevocations(ctx);
  // The policy and the connections in one tenant transaction, or from this process's brief memo of
  // them (cache/settings.ts): with it, a warm call reads nothing from the database.
  const memo = request.targets ? undefined : ctx.deps.settings;
  // Taken before the read: a change committed after it makes the stored entry a miss.
  const readAt = { generation: memo?.generation ?? 0, epoch: await memo?.epoch(ctx.client.id) };
  const read = async () => {
    const settings = await scoped(ctx, async ({ deps }) => ({
      current: await currentPolicy(deps.db, ctx.client.id),
      connections: request.targets ? [] : await listConnections(deps.db, ctx.client.id),
    }));
    memo?.set(ctx.client.id, ctx.client.id, settings, readAt);
    return settings;
  };
  // Concurrent misses of one client (its memo just expired under load) share one read.
  const { current, connections } = memo ? await memo.getOrRead(ctx.client.id, read, readAt) : await read();
  const { row, policy } = current;
  // As before the two were read together: a missing policy is reported before the client's status.
  if (!request.targets) refuseUnconnected(ctx);
  const targets = request.targets ?? targetsAmong(connections, request.accounts, request.accountsField);
  const planned = await Promise.all(
    targets.map(
      async (target): Promise<PlannedTarget> => ({
        ...target,
        credentials: await credentialsFor(ctx, target),
        async reassume() {
          dropCredentials(ctx, target);
          return credentialsFor(ctx, target);
        },
      }),
    ),
  );
  return {
    request,
    policy,
    policyVersion: row.version,
    targets: planned,
    period,
    groupBy: request.costs?.groupBy ?? "resource_type",
  };
}
