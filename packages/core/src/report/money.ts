// Display formats shared by the Markdown report and the recommendation messages.
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export const formatUsd = (amount: number): string => usd.format(amount);

/** A 0–1 score as a percentage with up to 2 decimals ("72.5%"). */
export const formatScore = (score: number | null): string =>
  score === null ? "no score (nothing was read)" : `${Math.round(score * 10_000) / 100}%`;
