// The boot identity check: is this server the scanner role every customer template trusts? Run at
// boot and then every minute, so a fixed configuration (or STS coming back) turns the server ready
// without a restart. /health/ready reads the last outcome; it never calls STS itself, so a load
// balancer's probes cannot hammer STS.
import {
  type AwsConfig,
  checkScannerIdentity,
  classifyAssumeRoleError,
  getCallerIdentityArn,
  type ScannerIdentityConfig,
} from "@tagc/aws";
import type { Logger } from "pino";
import type { ReadinessResult } from "../types";

export const IDENTITY_RECHECK_MS = 60_000;

export interface IdentityCheckOptions {
  aws: AwsConfig;
  expected: ScannerIdentityConfig;
  logger: Logger;
  intervalMs?: number;
}

export interface IdentityCheck {
  /** The readiness entry `aws_identity`: the last outcome, or the first check once it settles. */
  readiness(): Promise<ReadinessResult>;
  /** Checks again now (the timer does it every interval). */
  check(): Promise<ReadinessResult>;
  stop(): void;
}

export function startIdentityCheck(options: IdentityCheckOptions): IdentityCheck {
  const { aws, expected, logger } = options;
  let last: ReadinessResult | undefined;
  let inflight: Promise<ReadinessResult> | undefined;

  const run = async (): Promise<ReadinessResult> => {
    const outcome = await identityOutcome(aws, expected);
    if (!outcome.ok) logger.warn({ aws_identity: outcome.message }, "aws identity check failed");
    else if (!last?.ok) logger.info({ aws_identity: outcome.message }, "aws identity check passed");
    last = outcome;
    return outcome;
  };
  const check = () => {
    // One STS call at a time: the timer and a manual check share it.
    inflight ??= run().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  const first = check();
  const timer = setInterval(() => void check(), options.intervalMs ?? IDENTITY_RECHECK_MS);
  timer.unref();
  return {
    readiness: async () => last ?? first,
    check,
    stop: () => clearInterval(timer),
  };
}

async function identityOutcome(aws: AwsConfig, expected: ScannerIdentityConfig): Promise<ReadinessResult> {
  let arn: string;
  try {
    arn = await getCallerIdentityArn(aws);
  } catch (error) {
    const failure = classifyAssumeRoleError(error);
    return {
      ok: false,
      message: `sts:GetCallerIdentity failed (${failure.code}): ${failure.message} ${failure.fix} Checked again every minute.`,
    };
  }
  const result = checkScannerIdentity(arn, expected);
  return result.ok
    ? { ok: true, message: `running as ${result.roleName} in account ${result.accountId}` }
    : { ok: false, message: result.message };
}
