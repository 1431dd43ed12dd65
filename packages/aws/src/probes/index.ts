export { DEFAULT_PROBE_TIMEOUT_MS, type RunProbesInput, runProbes } from "./run";
export { type ProbeSummary, type ProbeVerdict, summarizeProbes } from "./summarize";
export { AUTHORIZED_ERRORS, PROBES } from "./table";
export type { Probe, ProbeContext, ProbeFamily, ProbeOutcome, ProbeResult } from "./types";
