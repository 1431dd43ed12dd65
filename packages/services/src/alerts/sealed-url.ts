// A schedule's webhook URL at rest. Its path is the channel's credential (whoever holds a Slack or
// Teams incoming-webhook URL can post to the channel), so it is stored sealed with AES-256-GCM under a
// key derived for this purpose alone from ALERT_TARGET_SECRET. The origin stays readable beside the
// ciphertext, bound to it as associated data, so views can show "https://hooks.slack.com/…" without
// the key. Stored form: `sealed.v1.<base64url(iv ‖ tag ‖ ciphertext)>.<origin>`.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { SendFailure } from "./config";

const PREFIX = "sealed.v1.";
const IV_BYTES = 12;
const TAG_BYTES = 16;

const keys = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", "tagc alert webhook url v1", 32));
    keys.set(secret, key);
  }
  return key;
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

export function sealWebhookUrl(url: string, secret: string): string {
  const origin = new URL(url).origin;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  cipher.setAAD(Buffer.from(origin));
  const body = Buffer.concat([cipher.update(url, "utf8"), cipher.final()]);
  return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}.${origin}`;
}

/** A sealed value's two parts: the ciphertext (base64url has no ".") and the origin after it. */
function sealedParts(stored: string): { body: string; origin: string } | null {
  const rest = stored.slice(PREFIX.length);
  const dot = rest.indexOf(".");
  return dot < 0 ? null : { body: rest.slice(0, dot), origin: rest.slice(dot + 1) };
}

/** The origin a stored URL shows, sealed or not (null when it is neither). */
export function storedOrigin(stored: string): string | null {
  if (isSealed(stored)) return sealedParts(stored)?.origin ?? null;
  try {
    return new URL(stored).origin;
  } catch {
    return null;
  }
}

/**
 * The URL to post to. A plain stored URL (a schedule made before sealing) is returned as it is.
 * Throws a final SendFailure when the secret changed since the schedule was saved: retrying cannot help,
 * the customer has to set the target again.
 */
export function openWebhookUrl(stored: string, secret: string | undefined): string {
  if (!isSealed(stored)) return stored;
  const unreadable = new SendFailure(
    "the stored webhook URL cannot be read with this server's ALERT_TARGET_SECRET; set the schedule's target again",
    false,
  );
  const parts = sealedParts(stored);
  if (!secret || !parts) throw unreadable;
  const { origin } = parts;
  const sealed = Buffer.from(parts.body, "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(origin));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw unreadable;
  }
}
