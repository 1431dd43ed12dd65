// A client's current policy and its connections, as the scan pipeline's plan reads them (one tenant
// transaction per call otherwise: the warm call's only database read). Memoised briefly in this
// process (see fresh-reads.ts for how a change reaches it): a policy saved or a connection changed on
// any replica is seen by the next call; one written without forgetTenantReads within SETTINGS_CACHE_MS.
import type { AwsConnection } from "@tagc/db";
import type { currentPolicy } from "../policy/current";
import { type EpochOf, FreshReads } from "./fresh-reads";

export interface TenantSettings {
  current: Awaited<ReturnType<typeof currentPolicy>>;
  connections: AwsConnection[];
}

export class SettingsCache extends FreshReads<TenantSettings> {
  constructor(ttlMs = 1_000, options: { maxEntries?: number; clock?: () => number; epochOf?: EpochOf } = {}) {
    super({ ttlMs, ...options });
  }
}
