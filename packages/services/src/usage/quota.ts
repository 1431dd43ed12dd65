import type { ClientTier } from "@tagc/db";
import { invalid } from "../errors";

/** Unique resources scanned per month by tier; null is unlimited. */
export const MONTHLY_RESOURCE_QUOTA: Record<ClientTier, number | null> = {
  starter: 1_000,
  professional: 10_000,
  enterprise: null,
};

export const billingPeriod = (date: Date) => date.toISOString().slice(0, 7);

/** The first instant of a `YYYY-MM` billing month and of the next one (UTC). */
export function periodBounds(period: string) {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw invalid("period", "must be YYYY-MM");
  const [year, month] = [Number(match[1]), Number(match[2])];
  return { start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) };
}
