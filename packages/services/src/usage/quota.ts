import type { ClientTier } from "@tagc/db";

/** Unique resources scanned per month by tier; null is unlimited. */
export const MONTHLY_RESOURCE_QUOTA: Record<ClientTier, number | null> = {
  starter: 1_000,
  professional: 10_000,
  enterprise: null,
};

export const billingPeriod = (date: Date) => date.toISOString().slice(0, 7);
