// Runs every probe concurrently with the tenant's session. A failure is recorded with its
// classified code, never thrown; a probe that does not answer in time is aborted and `failed`,
// so one hung endpoint cannot hang a verify.
import type { AwsConfig } from "../config";
import { awsErrorName, classifyAwsError } from "../errors";
import type { AwsCredentialIdentityProvider } from "../types";
import { AUTHORIZED_ERRORS, PROBES } from "./table";
import type { Probe, ProbeResult } from "./types";

export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

export interface RunProbesInput {
  config: AwsConfig;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  now?: Date;
  timeoutMs?: number;
  probes?: readonly Probe[];
}

const TIMED_OUT = Symbol("timed out");

async function runOne(probe: Probe, input: RunProbesInput): Promise<ProbeResult> {
  const { family, action, required } = probe;
  const base = { family, action, required };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), input.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
  });
  try {
    const answered = await Promise.race([
      probe.run({
        config: input.config,
        region: input.region,
        credentials: input.credentials,
        now: input.now ?? new Date(),
        abortSignal: controller.signal,
      }),
      deadline,
    ]);
    if (answered === TIMED_OUT) {
      controller.abort();
      return { ...base, outcome: "failed", error_code: "TIMEOUT" };
    }
    return { ...base, outcome: "ok", error_code: null };
  } catch (error) {
    if (AUTHORIZED_ERRORS.has(awsErrorName(error) ?? "")) return { ...base, outcome: "ok", error_code: null };
    const { code } = classifyAwsError(error);
    return { ...base, outcome: code === "ACCESS_DENIED" ? "denied" : "failed", error_code: code };
  } finally {
    clearTimeout(timer);
  }
}

export function runProbes(input: RunProbesInput): Promise<ProbeResult[]> {
  return Promise.all((input.probes ?? PROBES).map((probe) => runOne(probe, input)));
}
