import { randomBytes } from "node:crypto";

// Every row id is `<prefix>_<26 chars>`: a 48-bit millisecond timestamp (10 chars) then 80 random bits
// (16 chars), ULID-style. The prefix says what an id points at in logs and support tickets; the
// timestamp makes ids sort by creation, so `order by id` is a stable cursor for pagination.
export const ID_PREFIXES = [
  "cli",
  "con",
  "key",
  "pol",
  "evt",
  "use",
  "snp",
  "bas",
  "sch",
  "job",
  "dwn",
  "dlv",
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

// Crockford base32 in lowercase. Its characters are in ASCII order, so string order equals numeric order
// (also under Postgres collations, which agree with ASCII on digits and same-case letters).
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const BODY = new RegExp(`^[${ALPHABET}]{${TIME_CHARS + RANDOM_CHARS}}$`);

// The 80 random bits are kept as two 40-bit halves in plain numbers (exact below 2^53), each 8
// characters: a scan meters one id per resource, and BigInt arithmetic per character made an id
// cost ~2 µs, 4× this.
const HALF = 2 ** 40;
/** Every 10-bit value as its 2 characters. */
const PAIRS = Array.from({ length: 1024 }, (_, v) => ALPHABET.charAt(v >> 5) + ALPHABET.charAt(v & 31));

/** 40 bits as 8 characters, most significant first. */
function encode40(value: number): string {
  const high = Math.floor(value / 2 ** 20);
  const low = value % 2 ** 20;
  return PAIRS[high >> 10]! + PAIRS[high & 1023]! + PAIRS[low >> 10]! + PAIRS[low & 1023]!;
}

/** A millisecond time as 10 characters: its low 50 bits (Date.now() needs 41 for centuries yet). */
function encodeTime(ms: number): string {
  return PAIRS[Math.floor(ms / HALF) % 1024]! + encode40(ms % HALF);
}

/** 80 random bits as [high 40, low 40]. */
function random80(): [number, number] {
  const bytes = randomBytes(10);
  return [bytes.readUIntBE(0, 5), bytes.readUIntBE(5, 5)];
}

/**
 * Builds an id generator over a clock. Ids from one generator are strictly increasing: within one
 * millisecond the random part is incremented (ULID "monotonic" mode), and a clock that steps back is
 * ignored. Ids are references, not secrets: access is always checked by client id, never by guessing.
 */
export function makeIdGenerator(now: () => number = Date.now): (prefix: IdPrefix) => string {
  let lastTime = -1;
  let time = "";
  let high = 0;
  let low = 0;
  return (prefix) => {
    const ms = Math.max(now(), lastTime);
    if (ms === lastTime) {
      low += 1;
      if (low === HALF) {
        low = 0;
        high += 1;
      }
      if (high === HALF) {
        // 2^80 ids in one millisecond cannot happen; borrowing the next millisecond keeps order anyway.
        lastTime += 1;
        time = encodeTime(lastTime);
        [high, low] = random80();
      }
    } else {
      lastTime = ms;
      time = encodeTime(ms);
      [high, low] = random80();
    }
    return `${prefix}_${time}${encode40(high)}${encode40(low)}`;
  };
}

/** A new prefixed, time-sortable id, e.g. `newId("cli")` → `cli_01jd3k…`. */
export const newId: (prefix: IdPrefix) => string = makeIdGenerator();

/** True when `value` is a well-formed id with this prefix (for validating ids taken from input). */
export function isId(prefix: IdPrefix, value: string): boolean {
  return value.startsWith(`${prefix}_`) && BODY.test(value.slice(prefix.length + 1));
}

/** The creation time encoded in an id. */
export function idTimestamp(id: string): Date {
  const body = id.slice(id.indexOf("_") + 1, id.indexOf("_") + 1 + TIME_CHARS);
  let ms = 0;
  for (const char of body) ms = ms * 32 + ALPHABET.indexOf(char);
  return new Date(ms);
}

const SHORT_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * 8 lowercase alphanumerics for a client's short id, which goes into its IAM role name (so one AWS
 * account can host two clients' roles). Rejection sampling keeps every character equally likely.
 */
export function newShortId(): string {
  let out = "";
  while (out.length < 8) {
    for (const byte of randomBytes(16)) {
      // 252 = 7 × 36: bytes above it would favour the first characters.
      if (byte < 252 && out.length < 8) out += SHORT_ALPHABET.charAt(byte % 36);
    }
  }
  return out;
}
