import { createHash } from "node:crypto";

const BASE_MS = 30_000;
const MAX_MS = 60 * 60_000;

/**
 * Exponential back-off after the n-th failed attempt: 30 s, 1 min, 2 min… capped at an hour, spread by
 * ±10 % so jobs that failed together (an AWS outage) do not all come back in the same second. The
 * spread is derived from the job id rather than drawn at random, so a given retry is reproducible.
 */
export function retryDelayMs(attempts: number, jobId: string): number {
  const exponential = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const spread = createHash("sha256").update(`${jobId}:${attempts}`).digest().readUInt16BE(0) / 65_535;
  return Math.round(exponential * (0.9 + 0.2 * spread));
}
