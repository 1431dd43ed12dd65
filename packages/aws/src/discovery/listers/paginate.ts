// Follows a list call's token to the end, one page at a time (each token comes from the last page).
import type { ListerContext } from "./types";

export async function eachPage<T>(
  ctx: ListerContext,
  fetch: (token: string | undefined, abortSignal: AbortSignal) => Promise<T>,
  next: (page: T) => string | undefined,
  onPage: (page: T) => void | Promise<void>,
  region = ctx.region,
): Promise<void> {
  let token: string | undefined;
  do {
    const current = token;
    // A first page waits behind the chains already under way (limiter.ts).
    const page = await ctx.scan.call(region, current ? "next" : "page", (signal) => fetch(current, signal));
    ctx.scan.page();
    await onPage(page);
    const following = next(page) || undefined;
    token = following === current ? undefined : following;
  } while (token);
}

/**
 * Runs `each` over every item; the region's limiter, not this helper, bounds the calls in flight.
 * Every item settles before the first failure is thrown, so nothing outlives the lister.
 */
export async function forEachItem<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  const failed = (await Promise.allSettled(items.map(each))).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}
