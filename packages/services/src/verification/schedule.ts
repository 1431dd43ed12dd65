const POLL_FAST_MS = 30_000;
const FAST_WINDOW_MS = 15 * 60_000;
const POLL_MAX_MS = 30 * 60_000;

/**
 * When to poll a pending connection next: every 30 s for the first 15 minutes after registration
 * (the customer is likely deploying the stack right now), then back off to a tenth of its age, capped
 * at 30 minutes, until the External ID expires.
 */
export function nextPollAt(createdAt: Date, now: Date): Date {
  const age = now.getTime() - createdAt.getTime();
  const delay =
    age < FAST_WINDOW_MS
      ? POLL_FAST_MS
      : Math.min(POLL_MAX_MS, Math.max(POLL_FAST_MS * 2, Math.round(age / 10)));
  return new Date(now.getTime() + delay);
}
