// A client's current policy and its connections, as the scan pipeline's plan reads them (one tenant
// transaction per call otherwise: the warm call's only database read). Memoised briefly in this
// process (see fresh-reads.ts for the staleness bound): a policy saved or a connection changed here is
// seen by the very next call; one changed on another replica or by a worker within SETTINGS_CACHE_MS.
import type { AwsConnection } from "@tagc/db";
import type { currentPolicy } from "../policy/current";
import { FreshReads } from "./fresh-reads";

export interface TenantSettings {
  current: Awaited<ReturnType<typeof currentPolicy>>;
  connections: AwsConnection[];
}

export class SettingsCache extends FreshReads<TenantSettings> {
  constructor(ttlMs = 1_000, maxEntries = 10_000, clock?: () => number) {
    super(ttlMs, maxEntries, clock);
  }
}
