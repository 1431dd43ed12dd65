// The one test clock: every verb reads `now`, and tests move it by hand instead of sleeping. Its
// default start is the wall clock, or TAGC_TEST_NOW when set, so the whole suite can be run as if it
// were another day (`TAGC_TEST_NOW=2027-01-31T23:30:00Z pnpm test`): nothing may depend on today.

import { pinnedTestNow } from "./env";

/** Where an unpinned clock starts: TAGC_TEST_NOW (ISO-8601) when set, else now. */
export function testNow(): Date {
  const pinned = pinnedTestNow();
  if (!pinned) return new Date();
  const at = new Date(pinned);
  if (Number.isNaN(at.getTime())) throw new Error(`TAGC_TEST_NOW is not a date: ${pinned}`);
  return at;
}

export class TestClock {
  private current: number;

  constructor(start: Date | string | number = testNow()) {
    this.current = new Date(start).getTime();
  }

  readonly now = (): Date => new Date(this.current);
  /** Milliseconds since the epoch, for stores and limiters that take a numeric clock. */
  readonly nowMs = (): number => this.current;

  set(at: Date | string | number): Date {
    this.current = new Date(at).getTime();
    return this.now();
  }

  /** Back to the default start (or `to`): each test starts from the same instant. */
  reset(to: Date | string | number = testNow()): Date {
    return this.set(to);
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
}
