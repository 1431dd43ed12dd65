// Accumulates the per-group rows of the attribution gap and labels each with its note.
import type { GapGroup, GapNote } from "./gap-types";
import { UNALLOCATED_GROUP } from "./gap-types";

interface Accumulator {
  total: number;
  attributable: number;
  resources: number;
  compliant: number;
}

export class GapGroups {
  private readonly groups = new Map<string, Accumulator>();

  private get(key: string): Accumulator {
    let group = this.groups.get(key);
    if (!group) {
      group = { total: 0, attributable: 0, resources: 0, compliant: 0 };
      this.groups.set(key, group);
    }
    return group;
  }

  /** Makes a group appear even when nothing lands in it (a requested type with no resources). */
  seed(key: string): void {
    this.get(key);
  }

  addResource(key: string, amount: number, compliant: boolean): void {
    const group = this.get(key);
    group.total += amount;
    group.resources += 1;
    if (compliant) {
      group.attributable += amount;
      group.compliant += 1;
    }
  }

  addSpend(key: string, amount: number): void {
    this.get(key).total += amount;
  }

  /** Groups sorted by key, the unallocated bucket last, so output order is deterministic. */
  toRecord(): Record<string, GapGroup> {
    const keys = [...this.groups.keys()].sort((a, b) => {
      if (a === UNALLOCATED_GROUP || b === UNALLOCATED_GROUP) return a === UNALLOCATED_GROUP ? 1 : -1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    const out: Record<string, GapGroup> = Object.create(null);
    for (const key of keys) {
      const group = this.groups.get(key)!;
      const nonCompliant = group.resources - group.compliant;
      out[key] = {
        total: group.total,
        attributable: group.attributable,
        gap: group.total - group.attributable,
        resources_scanned: group.resources,
        compliant: group.compliant,
        non_compliant: nonCompliant,
        note: noteFor(group.resources, group.total, nonCompliant),
      };
    }
    return out;
  }
}

function noteFor(resources: number, total: number, nonCompliant: number): GapNote | null {
  if (resources === 0) return "no resources found";
  // Checked before "all properly tagged": with no spend, being tagged tells the reader nothing.
  if (total === 0) return "resources found but $0 reported";
  if (nonCompliant === 0) return "all properly tagged";
  return null;
}
