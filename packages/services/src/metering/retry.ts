import { isTransientDbError } from "./transient";

export interface RetryOptions {
  /** Tries in total, the first included (default 4). */
  attempts?: number;
  /** Delay before the first retry; doubles each time, with jitter (default 100 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injectable so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  isRetryable?: (error: unknown) => boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` until it succeeds, a failure is not retryable, or the attempts run out; then rethrows
 * the last failure. Exponential backoff with "equal jitter" (half fixed, half random), so replicas
 * that failed together do not retry together. Only for idempotent work.
 */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 100;
  const max = options.maxDelayMs ?? 2_000;
  const sleep = options.sleep ?? defaultSleep;
  const retryable = options.isRetryable ?? isTransientDbError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      const delay = Math.min(max, base * 2 ** (attempt - 1));
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}
