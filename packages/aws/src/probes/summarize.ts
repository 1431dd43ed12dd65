// The verdict of one verification's probes, as a pure function: a denial of a required family is
// an error, a denial of an optional one is `degraded`, and any failure that is not a denial means
// the attempt proved nothing (`inconclusive`). A required denial is proof on its own, so it outranks
// failures; a failure outranks optional denials, since a 500 says nothing about what the role grants.
import type { AwsErrorCode } from "../errors";
import type { ProbeResult } from "./types";

export type ProbeVerdict = "connected" | "degraded" | "inconclusive" | "failed";

export interface ProbeSummary {
  verdict: ProbeVerdict;
  /** Every denied action, required or not, in probe order. */
  deniedActions: string[];
  /** The denied required actions (verdict `failed`). */
  deniedRequired: string[];
  /** The probes that failed without a denial (verdict `inconclusive`). */
  failed: { action: string; error_code: AwsErrorCode | null }[];
}

export function summarizeProbes(probes: readonly ProbeResult[]): ProbeSummary {
  const deniedActions = probes.filter((p) => p.outcome === "denied").map((p) => p.action);
  const deniedRequired = probes.filter((p) => p.outcome === "denied" && p.required).map((p) => p.action);
  const failed = probes
    .filter((p) => p.outcome === "failed")
    .map(({ action, error_code }) => ({ action, error_code }));
  const verdict: ProbeVerdict = deniedRequired.length
    ? "failed"
    : failed.length
      ? "inconclusive"
      : deniedActions.length
        ? "degraded"
        : "connected";
  return { verdict, deniedActions, deniedRequired, failed };
}
