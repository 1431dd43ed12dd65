export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/**
 * Rejects when `promise` has not settled within `ms`. The command itself is not cancelled; its late
 * answer is ignored. Bounds how long a tool call waits on a cache that stopped answering.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      // After the event loop was blocked for longer than `ms` (a heavy synchronous step of another
      // call), timers run before the loop reads the sockets, so an answer that arrived meanwhile
      // would lose to this timer and a healthy cache would look timed out (and a warm call fall
      // back to AWS). setImmediate runs after the next poll phase: an answer already waiting wins.
      () => setImmediate(() => reject(new TimeoutError(`no answer within ${ms} ms`))),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
