// Money and score display shared by every renderer (report CSV/Markdown/JSON, violations CSV, tool
// summaries). Costs are sums of floats from Cost Explorer spreads, so an unrounded 15.399999999999999
// must never reach a reader: every rendered amount goes through these helpers.
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** An amount rounded to whole cents (half away from zero), as a number for JSON and sorting. */
export function roundCents(amount: number): number {
  // Number.EPSILON nudges values like 1.005 (stored as 1.00499…) to the cent a person expects.
  const cents = Math.round((Math.abs(amount) + Number.EPSILON) * 100) / 100;
  return amount < 0 ? -cents : cents;
}

/** An amount as plain text with exactly two decimals ("15.40"), for CSV cells. */
export const formatCents = (amount: number): string => roundCents(amount).toFixed(2);

/** An amount as US dollars ("$1,234.50"), for Markdown and messages. */
export const formatUsd = (amount: number): string => usd.format(roundCents(amount));

/** A 0–1 score as a percentage with up to 2 decimals ("72.5%"). */
export const formatScore = (score: number | null): string =>
  score === null ? "no score (nothing was read)" : `${Math.round(score * 10_000) / 100}%`;
