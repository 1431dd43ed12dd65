// One verification: prove the role is assumable right now, read which account the session acts
// in, and probe one read per permission family. The verdict (summarizeProbes) is the only source
// of truth: `connected` and `degraded` need successful reads from this attempt; a denied required
// family is an error; any other failure makes the attempt `inconclusive` and changes nothing.
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { CredentialBroker } from "./broker";
import type { AwsConfig } from "./config";
import {
  type AwsErrorClassification,
  classifyAssumeRoleError,
  classifyAwsError,
  invalidRoleClassification,
  probeFailureClassification,
  requiredPermissionClassification,
} from "./errors";
import { type ProbeResult, runProbes, summarizeProbes } from "./probes";
import { createStsClient } from "./sts-client";
import type { RoleTarget } from "./types";

export interface VerifyAccessInput {
  broker: CredentialBroker;
  config: AwsConfig;
  target: RoleTarget;
  /** Where to probe; defaults to the control plane's region. */
  probeRegion?: string;
  /** The control plane's clock, for the Cost Explorer probe's date range. */
  now?: Date;
  probeTimeoutMs?: number;
}

interface Assumed {
  accountId: string;
  callerArn: string;
  probes: ProbeResult[];
}

export type VerifyAccessResult =
  | (Assumed & { ok: true; verdict: "connected" | "degraded"; deniedActions: string[] })
  | (Assumed & {
      ok: false;
      verdict: "inconclusive" | "failed";
      deniedActions: string[];
      error: AwsErrorClassification;
    })
  | { ok: false; verdict: "failed"; error: AwsErrorClassification; probes: ProbeResult[] };

/** Before any probe ran: the role could not be assumed, or acts in another account. */
const notAssumed = (error: AwsErrorClassification): VerifyAccessResult => ({
  ok: false,
  verdict: "failed",
  error,
  probes: [],
});

export async function verifyAccess(input: VerifyAccessInput): Promise<VerifyAccessResult> {
  const { broker, config, target } = input;
  try {
    // forceRefresh: a cached session would prove nothing about the role's trust as of now.
    await broker.getCredentials(target, { forceRefresh: true });
  } catch (error) {
    return notAssumed(classifyAssumeRoleError(error));
  }

  // Every call below reads the session from the broker's cache, so none of them calls STS again.
  const session = broker.providerFor(target);
  const sts = createStsClient(config, session);
  let identity: { Account?: string; Arn?: string };
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    return notAssumed(classifyAwsError(error));
  } finally {
    sts.destroy();
  }
  if (identity.Account !== target.accountId || !identity.Arn) {
    // The session acts somewhere other than the registered account: never report it as connected.
    return notAssumed(invalidRoleClassification());
  }

  const probes = await runProbes({
    config,
    region: input.probeRegion ?? config.region,
    credentials: session,
    ...(input.now ? { now: input.now } : {}),
    ...(input.probeTimeoutMs !== undefined ? { timeoutMs: input.probeTimeoutMs } : {}),
  });
  const summary = summarizeProbes(probes);
  const assumed = {
    accountId: identity.Account,
    callerArn: identity.Arn,
    probes,
    deniedActions: summary.deniedActions,
  };
  if (summary.verdict === "connected" || summary.verdict === "degraded")
    return { ...assumed, ok: true, verdict: summary.verdict };
  if (summary.verdict === "failed")
    return { ...assumed, ok: false, verdict: "failed", error: requiredPermissionClassification() };
  const first = summary.failed[0];
  return {
    ...assumed,
    ok: false,
    verdict: "inconclusive",
    error: probeFailureClassification(first?.error_code ?? "UNKNOWN"),
  };
}
