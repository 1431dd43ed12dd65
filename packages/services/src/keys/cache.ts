// The MCP edge's memo of accepted API keys (see cache/fresh-reads.ts for the staleness bound: a
// revocation here is seen at once, on another replica within KEY_CACHE_MS). Expiry and a rotation's
// grace are checked on every hit against the request's clock, so they hold to the millisecond
// whatever is cached. Only accepted keys are kept: an unknown or refused key is read every time.
import { FreshReads } from "../cache/fresh-reads";
import type { AuthResult } from "./authenticate";

type Accepted = Extract<AuthResult, { ok: true }>;

export class ApiKeyCache extends FreshReads<Accepted> {
  constructor(ttlMs = 2_000, maxEntries = 10_000, clock?: () => number) {
    super(ttlMs, maxEntries, clock);
  }
}
