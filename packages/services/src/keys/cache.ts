// The MCP edge's memo of accepted API keys (see cache/fresh-reads.ts for how a change reaches it:
// at once on this replica, on the next request on others through the shared epoch, KEY_CACHE_MS at
// most otherwise). Expiry and a rotation's grace are checked on every hit against the request's
// clock, so they hold to the millisecond whatever is cached. Only accepted keys are kept: an unknown
// or refused key is read every time.
import { type EpochOf, FreshReads } from "../cache/fresh-reads";
import type { AuthResult } from "./authenticate";

type Accepted = Extract<AuthResult, { ok: true }>;

export class ApiKeyCache extends FreshReads<Accepted> {
  constructor(ttlMs = 2_000, options: { maxEntries?: number; clock?: () => number; epochOf?: EpochOf } = {}) {
    super({ ttlMs, ...options });
  }
}
