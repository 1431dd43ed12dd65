// The compliance score formula, shared by totals, breakdowns and history so they always agree.

/** Scores travel as numbers in [0, 1] rounded to 4 decimals (TOOLS.md "Scoring"). */
export const roundScore = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * compliant / in_scope; null with nothing in scope. A perfect score over zero resources would claim
 * compliance nobody checked (a deleted role or a failed discovery reads nothing), so there is no
 * score, and the caller says why (issue 11, "answers that never overclaim").
 */
export const complianceScore = (compliant: number, inScope: number): number | null =>
  inScope === 0 ? null : roundScore(compliant / inScope);
