// Validation of the human parts of a schedule: the time of day and the IANA time zone.
import { CoreInputError } from "../errors";

export interface TimeOfDay {
  hour: number;
  minute: number;
}

// Two digits each, 24-hour clock: "9:00" or "24:00" are refused rather than guessed at.
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses "HH:MM" (24-hour). Throws a CoreInputError naming `field` otherwise. */
export function parseTimeOfDay(time: string, field = "time"): TimeOfDay {
  const match = HH_MM.exec(time);
  if (!match) {
    throw new CoreInputError(
      field,
      `${field} must be HH:MM on a 24-hour clock (e.g. "09:00"), got "${time}"`,
    );
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

// Intl's own spellings, to fix the casing of a name typed in lower case. Intl's resolvedOptions()
// is not used for that: it turns current names into deprecated ones ("Asia/Kolkata" ->
// "Asia/Calcutta") depending on the ICU version.
const SPELLINGS = new Map(
  ["UTC", ...Intl.supportedValuesOf("timeZone")].map((zone) => [zone.toLowerCase(), zone]),
);

/**
 * Validates an IANA time zone name and returns it with Intl's casing ("europe/paris" ->
 * "Europe/Paris"); aliases such as "US/Eastern" are valid and kept as given. Intl is the source of
 * truth because it computes the wall-clock times. Fixed offsets such as "+01:00" are refused: they
 * have no DST rules and are not IANA names.
 */
export function normalizeTimezone(timezone: string, field = "timezone"): string {
  const invalid = () =>
    new CoreInputError(
      field,
      `${field} must be an IANA time zone name such as "Europe/Paris" or "UTC", got "${timezone}"`,
    );
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timezone)) throw invalid();
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw invalid();
  }
  return SPELLINGS.get(timezone.toLowerCase()) ?? timezone;
}
