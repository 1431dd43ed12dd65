import type { CacheStore } from "./store";

// Flights are registered per store, not per handle: handles are created per request, and two requests
// of one tenant asking for the same cold key must share one computation. Keys are full (tenant-prefixed)
// keys, so two tenants never share a flight.
const registries = new WeakMap<CacheStore, Map<string, Promise<unknown>>>();

/** Runs `work` once per (store, key) at a time in this process; concurrent callers share its result. */
export function singleFlight<T>(store: CacheStore, key: string, work: () => Promise<T>): Promise<T> {
  let flights = registries.get(store);
  if (!flights) {
    flights = new Map();
    registries.set(store, flights);
  }
  const current = flights.get(key);
  if (current) return current as Promise<T>;
  const registry = flights;
  const flight = (async () => {
    try {
      return await work();
    } finally {
      registry.delete(key);
    }
  })();
  registry.set(key, flight);
  return flight;
}
