// Money: the one rounder and formatter behind every amount a client or a person reads (tool outputs
// and summaries, reports, CSVs, notes). All amounts are in CURRENCY.
//
// Sum before rounding, round at presentation: amounts stay exact through every spread, sum and
// comparison, and each one is rounded to cents once, where it is presented. So the same quantity
// (a tag's spend, the gap) shows the same cents in every tool and report; a listed column may differ
// from the total beside it by less than half a cent a row (three shares of $100 show $33.33 each and
// a $100.00 total), which is the honest figure, not a drift.

/** Cost Explorer reports UnblendedCost in US dollars; every amount this product shows is in it. */
export const CURRENCY = "USD" as const;

const formatters = new Map<string, Intl.NumberFormat>();
const formatterOf = (currency: string) => {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter;
};

/**
 * An amount rounded to whole cents, half away from zero, as a number for JSON and sorting. The
 * decimal a person reads is rounded, not its binary neighbour: 1.005 is stored as 1.00499…, but its
 * shortest decimal form "1.005" shifted two places ("1.005e2") is exactly 100.5, which rounds up.
 */
export function roundCents(amount: number): number {
  const magnitude = Math.abs(amount);
  const decimal = String(magnitude);
  // Only the tiny (below 1e-6, no cent) and the huge (1e21 and up, no cents left) print as "1e-7".
  if (decimal.includes("e")) return magnitude < 1 ? 0 : amount;
  const cents = Math.round(Number(`${decimal}e2`)) / 100;
  // -0.001 rounds to 0, not -0 (which would print "-$0.00").
  return cents === 0 ? 0 : Math.sign(amount) * cents;
}

/** Each amount of a record (spend by service, by group) rounded to cents. */
export const roundEach = (amounts: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(amounts).map(([key, amount]) => [key, roundCents(amount)]));

/** An amount as plain text with exactly two decimals ("15.40"), for CSV cells. */
export const formatCents = (amount: number): string => roundCents(amount).toFixed(2);

/** An amount in its currency ("$1,234.50", "-$2.68"), for Markdown, summaries and notes. */
export const formatMoney = (amount: number, currency: string = CURRENCY): string =>
  formatterOf(currency).format(roundCents(amount));

/** The same in US dollars, the currency of every amount we read. */
export const formatUsd = (amount: number): string => formatMoney(amount, CURRENCY);

/** A 0–1 score as a percentage with up to 2 decimals ("72.5%"). */
export const formatScore = (score: number | null): string =>
  score === null ? "no score (nothing was read)" : `${Math.round(score * 10_000) / 100}%`;
