// Resource age for find_untagged_resources.

const DAY_MS = 86_400_000;

/**
 * Whole days since `createdAt` at `now`; null when the creation time is unknown or unreadable
 * (an unknown age is not "0 days old"). A creation time slightly after `now` (clock skew between
 * AWS and us) counts as 0 rather than a negative age.
 */
export function ageInDays(createdAt: string | null | undefined, now: Date): number | null {
  if (!createdAt) return null;
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return null;
  return Math.max(0, Math.floor((now.getTime() - created) / DAY_MS));
}
