// How listers learn what the Tagging walks returned. A region's walk is several walks side by side
// (tagging-types.ts typeWalks); each type's lookup settles when the walk that returns its resources
// ends (undefined when that walk failed), so a lister waits for its own part only. A lister in one
// region (S3) can wait for the walk of another.
import type { TaggedLookup } from "./listers";

type Lookup = Promise<TaggedLookup | undefined>;

interface Pending {
  promise: Lookup;
  settle: (lookup: TaggedLookup | undefined) => void;
}

const key = (region: string, type: string) => `${region}\u0000${type}`;

function pending(): Pending {
  let settle: (lookup: TaggedLookup | undefined) => void = () => {};
  const promise: Lookup = new Promise((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

export class WalkLookups {
  /** Per planned region: every one of its walks has ended (undefined when any failed). */
  private readonly regions = new Map<string, Pending>();
  /** Per region and walked type: the walk returning that type has ended. */
  private readonly types = new Map<string, Pending>();

  constructor(walked: ReadonlyMap<string, readonly string[]>) {
    for (const [region, types] of walked) {
      this.regions.set(region, pending());
      for (const type of types) this.types.set(key(region, type), pending());
    }
  }

  /**
   * A region outside the scan has no walk: its lookup is undefined at once. A type no walk of the
   * region asks for (AWS cannot tag it) waits for all of them, and then is known to carry no tag.
   */
  get(region: string, type: string): Lookup {
    return (
      (this.types.get(key(region, type)) ?? this.regions.get(region))?.promise ?? Promise.resolve(undefined)
    );
  }

  /** One walk of `region` ended: its types' lookups settle (a promise settles once; later calls do nothing). */
  settleTypes(region: string, types: readonly string[], lookup: TaggedLookup | undefined): void {
    for (const type of types) this.types.get(key(region, type))?.settle(lookup);
  }

  /** Every walk of `region` ended; the types still waiting (none, unless a walk never ran) settle too. */
  settleRegion(region: string, lookup: TaggedLookup | undefined): void {
    for (const [k, entry] of this.types) if (k.startsWith(`${region}\u0000`)) entry.settle(lookup);
    this.regions.get(region)?.settle(lookup);
  }

  /** At the deadline: walks that never ran vouch for nothing, and nobody waits for them. */
  abandon(): void {
    for (const entry of [...this.types.values(), ...this.regions.values()]) entry.settle(undefined);
  }
}
