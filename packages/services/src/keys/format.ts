// API key format: `tagc_live_` + 43 base62 characters (256 bits from a CSPRNG) + 6 base62 characters
// of CRC-32 over the rest, so a secret scanner (or our own middleware) rejects a mistyped or fake key
// offline, before any database lookup. Only the SHA-256 of the whole key is stored.
import { hash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export const KEY_PREFIX = "tagc_live_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`);

function toBase62(value: bigint, length: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = BASE62[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  return out;
}

/** CRC-32 fits a double exactly, so plain number arithmetic (no BigInt) gives toBase62's digits. */
function checksum(text: string): string {
  let out = "";
  let rest = crc32(text);
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

export function generateApiKey(): string {
  const body = toBase62(BigInt(`0x${randomBytes(32).toString("hex")}`), BODY_LENGTH);
  const head = `${KEY_PREFIX}${body}`;
  return `${head}${checksum(head)}`;
}

/** Offline check: the shape and the checksum. A key that fails it is never looked up. */
export function hasValidChecksum(key: string): boolean {
  if (!KEY_PATTERN.test(key)) return false;
  const head = key.slice(0, -CHECKSUM_LENGTH);
  return checksum(head) === key.slice(-CHECKSUM_LENGTH);
}

export const hashApiKey = (key: string) => hash("sha256", key, "hex");

/** Enough to tell keys apart in a list, far too little to guess the rest. */
export const displayPrefix = (key: string) => key.slice(0, KEY_PREFIX.length + 6);
