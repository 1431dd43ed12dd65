// The compliance score formula, shared by totals, breakdowns and history so they always agree.

/** Scores travel as numbers in [0, 1] rounded to 4 decimals (TOOLS.md "Scoring"). */
export const roundScore = (value: number): number => Math.round(value * 10_000) / 10_000;

/** compliant / in_scope; 1.0 with nothing in scope: no resource can be out of compliance. */
export const complianceScore = (compliant: number, inScope: number): number =>
  inScope === 0 ? 1 : roundScore(compliant / inScope);
