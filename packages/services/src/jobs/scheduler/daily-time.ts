// Daily work runs at a fixed UTC time of day. A tick enqueues the latest occurrence at or before now,
// so a worker that was down at that time still does the day's work when it comes back (once: the
// occurrence's date is in the dedupe key).

const DAY_MS = 86_400_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM"; throws on anything else (the env schema checks it first). */
export function minuteOfDay(time: string): number {
  const match = HH_MM.exec(time);
  if (!match) throw new RangeError(`time of day must be HH:MM (24-hour), got "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The latest instant at or before `now` whose UTC time of day is `minute` (may be yesterday's). */
export function latestDailyAt(now: Date, minute: number): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // Normalised into [0, 1440): "30 minutes before 00:10" is 23:40 the day before.
  const offset = ((minute % 1440) + 1440) % 1440;
  const today = midnight + offset * 60_000;
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}

export const nextDailyAt = (now: Date, minute: number) =>
  new Date(latestDailyAt(now, minute).getTime() + DAY_MS);

/** The occurrence's UTC date, for dedupe keys. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
