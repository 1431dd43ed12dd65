/** The p-th percentile of ascending numbers (nearest rank). */
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
