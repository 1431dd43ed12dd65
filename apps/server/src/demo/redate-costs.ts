// The demo seed's spend was generated once, for fixed months. Tools read the last 30 days by
// default, so a demo started later would report $0 everywhere. Demo mode moves every cost row by
// the same number of days so the newest one ends today: the amounts, their proportions and the
// prorating by day stay exactly as generated.
import type { Seed } from "@tagc/aws-sandbox";

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The seed with its spend re-dated to end on `today` (UTC); the input is not changed. */
export function redateCosts(seed: Seed, today: Date): Seed {
  const ends = seed.accounts.flatMap((account) =>
    account.costs.map((row) => Date.parse(`${row.end}T00:00:00Z`)),
  );
  if (!ends.length) return seed;
  const todayMs = Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const days = Math.round((todayMs - Math.max(...ends)) / DAY_MS);
  return {
    ...seed,
    accounts: seed.accounts.map((account) => ({
      ...account,
      costs: account.costs.map((row) => ({
        ...row,
        start: shift(row.start, days),
        end: shift(row.end, days),
      })),
    })),
  };
}
