// A small process-local memo of parsed, computed results (scans and their analyses), in front of the
// shared cache store. Warm tool calls then skip re-parsing thousands of resources and re-scoring them:
// the analysis of one scan under one policy version is deterministic, so it is computed once.
// Keys always start with the tenant's `client:<id>:` prefix (built by `memoKey`), entries expire with
// the scan's freshness window, and the LRU bounds memory by entries, not by tenants.

const MAX_ENTRIES = 16;

interface Entry {
  value: unknown;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

/** The only way to build a memo key: scoped to one client, like every tenant cache key. */
export const memoKey = (clientId: string, key: string) => `client:${clientId}:${key}`;

export function memoGet<T>(key: string, now: number): T | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    entries.delete(key);
    return undefined;
  }
  // Refresh its place in the LRU order.
  entries.delete(key);
  entries.set(key, entry);
  return entry.value as T;
}

export function memoSet(key: string, value: unknown, expiresAt: number): void {
  entries.delete(key);
  entries.set(key, { value, expiresAt });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/** Drops every entry of one client (offboarding, a new policy version). */
export function memoClear(clientId: string): void {
  const prefix = memoKey(clientId, "");
  for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
}
