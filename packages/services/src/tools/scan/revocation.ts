// Revocation reaches every replica's cache. Each replica memoises scans in its own memory and holds
// credentials in its own broker, which a revocation on another replica cannot reach directly; so a
// revocation bumps a per-client epoch in the shared cache, and every scanning call compares it with
// the epoch this replica last saw: a change means "drop what you hold for this client". One GET per
// scanning call, on the cache the call reads anyway.
import type { TenantCache } from "../../cache/tenant-cache";
import type { ToolCtx } from "../context";

const EPOCH_KEY = "revocation-epoch";
// Longer than anything it guards (scans, costs, credentials); when it expires, every replica sees a
// change once and drops a memo that was valid: harmless.
const EPOCH_TTL_S = 7 * 86_400;

/** What a revocation drops from the shared cache: everything read through the role. */
export const ROLE_DATA_PREFIXES = ["scan:", "cost", "regions"] as const;

/** Marks the client revoked for every replica (their next scanning call drops their memo). */
export async function bumpRevocationEpoch(cache: TenantCache): Promise<void> {
  await cache.incr(EPOCH_KEY, EPOCH_TTL_S);
}

/**
 * Before a scan plans anything: if another replica revoked this client since this one last looked,
 * drop this replica's memoised scans and the client's credentials, so nothing is answered from (or
 * read with) a role that is gone.
 */
export async function syncRevocations(ctx: ToolCtx): Promise<void> {
  // During a Redis outage the epoch cannot be read (the fallback memory has none): keep what this
  // replica holds rather than re-scan on every call; the client's status still gates every scan.
  if (ctx.cache.degraded) return;
  const epoch = (await ctx.cache.getJson<number>(EPOCH_KEY)) ?? 0;
  if (ctx.cache.degraded) return;
  const clientId = ctx.client.id;
  const seen = ctx.scans.epochs.get(clientId);
  if (seen === epoch) return;
  ctx.scans.epochs.set(clientId, epoch);
  // First sight at epoch 0: nothing was memoised before a revocation this replica could have missed.
  if (seen === undefined && epoch === 0) return;
  ctx.scans.purge(clientId);
  ctx.deps.broker.invalidate(clientId);
}
