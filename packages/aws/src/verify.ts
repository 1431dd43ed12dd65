// One verification: prove the role is assumable right now, read which account the session acts
// in, and probe the read calls the scanner needs. The caller turns the outcome into a status:
// ok with no denied action → connected, ok with denied actions → degraded, not ok → the
// classified error (three ACCESS_DENIED in a row → revoked).
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { CredentialBroker } from "./broker";
import type { AwsConfig } from "./config";
import {
  type AwsErrorClassification,
  classifyAssumeRoleError,
  classifyAwsError,
  invalidRoleClassification,
} from "./errors";
import { type ProbeResult, runProbes } from "./probes";
import { createStsClient } from "./sts-client";
import type { RoleTarget } from "./types";

export interface VerifyAccessInput {
  broker: CredentialBroker;
  config: AwsConfig;
  target: RoleTarget;
  /** Where to probe; defaults to the control plane's region. */
  probeRegion?: string;
}

export type VerifyAccessResult =
  | { ok: true; accountId: string; callerArn: string; probes: ProbeResult[]; deniedActions: string[] }
  | { ok: false; error: AwsErrorClassification };

export async function verifyAccess(input: VerifyAccessInput): Promise<VerifyAccessResult> {
  const { broker, config, target } = input;
  try {
    // forceRefresh: a cached session would prove nothing about the role's trust as of now.
    await broker.getCredentials(target, { forceRefresh: true });
  } catch (error) {
    return { ok: false, error: classifyAssumeRoleError(error) };
  }

  // Every call below reads the session from the broker's cache, so none of them calls STS again.
  const session = broker.providerFor(target);
  const sts = createStsClient(config, session);
  let identity: { Account?: string; Arn?: string };
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    return { ok: false, error: classifyAwsError(error) };
  } finally {
    sts.destroy();
  }
  if (identity.Account !== target.accountId || !identity.Arn) {
    // The session acts somewhere other than the registered account: never report it as connected.
    return { ok: false, error: invalidRoleClassification() };
  }

  const probes = await runProbes(config, input.probeRegion ?? config.region, session);
  const deniedActions = probes.filter((p) => p.code === "ACCESS_DENIED").map((p) => p.action);
  return { ok: true, accountId: identity.Account, callerArn: identity.Arn, probes, deniedActions };
}
