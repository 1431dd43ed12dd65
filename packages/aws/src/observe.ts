// Every AWS call, counted by service, operation and outcome for the operator's metrics. The SDK's
// logger hook is the one place every client reports each command's end (once, after its retries:
// the logger middleware sits in the initialize step, outside the retry loop), so no client needs
// wrapping by hand. Only the client and command names and the error's name are read: the logged
// input and output (tenant data, session credentials) are never kept.
import { classifyAwsError } from "./errors";

export type AwsCallOutcome = "ok" | "throttled" | "access_denied" | "network" | "region_disabled" | "error";

export interface AwsCall {
  /** The SDK client's name without "Client": STS, EC2, ResourceGroupsTaggingAPI, … */
  service: string;
  /** The command's name without "Command": AssumeRole, GetResources, … */
  operation: string;
  outcome: AwsCallOutcome;
}

export type AwsCallObserver = (call: AwsCall) => void;

/** The SDK's logger shape, narrowed to what clients call. */
export interface SdkLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

const OUTCOMES: Partial<Record<string, AwsCallOutcome>> = {
  THROTTLED: "throttled",
  ACCESS_DENIED: "access_denied",
  NETWORK: "network",
  REGION_DISABLED: "region_disabled",
};

export function outcomeOf(error: unknown): AwsCallOutcome {
  return OUTCOMES[classifyAwsError(error).code] ?? "error";
}

interface CommandLog {
  clientName?: unknown;
  commandName?: unknown;
  error?: unknown;
}

function names(entry: unknown): { service: string; operation: string } | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const { clientName, commandName } = entry as CommandLog;
  if (typeof clientName !== "string" || typeof commandName !== "string") return undefined;
  return { service: clientName.replace(/Client$/, ""), operation: commandName.replace(/Command$/, "") };
}

/** An SDK logger that reports each command's end to `observe` and drops every other line. */
export function callLogger(observe: AwsCallObserver): SdkLogger {
  const report = (entry: unknown, failed: boolean) => {
    const call = names(entry);
    if (!call) return;
    const outcome = failed ? outcomeOf((entry as CommandLog).error) : "ok";
    // A broken observer must never fail the AWS call it watches.
    try {
      observe({ ...call, outcome });
    } catch {}
  };
  return {
    debug: () => undefined,
    warn: () => undefined,
    info: (entry) => report(entry, false),
    error: (entry) => report(entry, true),
  };
}
