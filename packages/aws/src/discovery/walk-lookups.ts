// How listers learn what the Tagging walks returned: one promise per planned region, settled when
// that region's walk ends (undefined when it failed), so a lister in one region (S3) can wait for
// the walk of another.
import type { TaggedLookup } from "./listers";

export class WalkLookups {
  private readonly lookups = new Map<string, Promise<TaggedLookup | undefined>>();
  private readonly settlers = new Map<string, (lookup: TaggedLookup | undefined) => void>();

  constructor(regions: readonly string[]) {
    for (const region of regions) {
      this.lookups.set(region, new Promise((resolve) => this.settlers.set(region, resolve)));
    }
  }

  /** A region outside the scan has no walk: its lookup is undefined at once. */
  get(region: string): Promise<TaggedLookup | undefined> {
    return this.lookups.get(region) ?? Promise.resolve(undefined);
  }

  settle(region: string, lookup: TaggedLookup | undefined): void {
    this.settlers.get(region)?.(lookup);
    this.settlers.delete(region);
  }

  /** At the deadline: walks that never ran vouch for nothing, and nobody waits for them. */
  abandon(): void {
    for (const region of [...this.settlers.keys()]) this.settle(region, undefined);
  }
}
