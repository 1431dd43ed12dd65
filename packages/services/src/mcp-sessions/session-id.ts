// Server-issued MCP session ids (Streamable HTTP's Mcp-Session-Id). The endpoint stays stateless
// across replicas, so the id carries its own proof: an HMAC over the client, the credential (API key
// or OAuth grant) and the issue time. The session budget and the loop detector key on it, so a client
// can no longer reset them by inventing a fresh id per call: an id this server did not sign, signed
// for another client or credential, or past its lifetime is "not found" (HTTP 404), and the client
// starts a new session by initializing, as the MCP transport specification says.
import {
  createHash,
  createHmac,
  createSecretKey,
  hash,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * Past this the client re-initializes (one round trip). Long on purpose: an id is worthless without
 * the API key or grant it is bound to, and revoking that ends the session at once; the lifetime only
 * bounds how long a desktop client left open keeps one session's budget.
 */
export const MCP_SESSION_HOURS = 30 * 24;
const VERSION = "s1";

export interface McpSessionBinding {
  clientId: string;
  /** The API key's id, or the OAuth grant's: revoking it ends the session with it. */
  credentialId: string;
}

export type SessionCheck =
  | { ok: true; sessionId: string; issuedAt: Date }
  | { ok: false; reason: "malformed" | "forged" | "foreign" | "expired" };

// Domain separation: the HMAC key is derived from the shared secret for this one purpose, so a
// session id can never be replayed as (or forged from) an onboarding link token signed with it.
const deriveKey = (secret: string) =>
  createSecretKey(createHash("sha256").update("tagc:mcp-session:v1\0").update(secret).digest());

/** The last secret's derived key: one secret per process, so every request's check reuses it. */
let derived: { secret: string; key: KeyObject } | undefined;
const keyOf = (secret: string): KeyObject => {
  if (derived?.secret !== secret) derived = { secret, key: deriveKey(secret) };
  return derived.key;
};

const mac = (secret: string, body: string) =>
  createHmac("sha256", keyOf(secret)).update(body).digest("base64url");

const bindingOf = (b: McpSessionBinding) =>
  hash("sha256", `${b.clientId}\0${b.credentialId}`, "base64url").slice(0, 22);

/**
 * Ids whose signature this process has already checked, each with the secret it was checked under: a
 * conversation presents its id on every request, and the HMAC was a visible share of a warm call's
 * CPU. Only a genuine signature is remembered (a forged id never is), and the binding and the age are
 * still checked on every request. A lookup hashes the whole id, so it leaks nothing about a prefix of
 * a signature, as the constant-time comparison below guards against. Bounded, oldest first out.
 */
const GENUINE_MAX = 10_000;
const genuine = new Map<string, string>();

function signatureHolds(secret: string, parts: string[], sessionId: string): boolean {
  if (genuine.get(sessionId) === secret) return true;
  const expected = Buffer.from(mac(secret, parts.slice(0, 4).join(".")));
  const given = Buffer.from(parts[4] ?? "");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  if (genuine.size >= GENUINE_MAX) genuine.delete(genuine.keys().next().value as string);
  genuine.set(sessionId, secret);
  return true;
}

/** A new session id: visible ASCII only (the transport spec's requirement), under 100 characters. */
export function issueMcpSessionId(input: { secret: string; binding: McpSessionBinding; now: Date }): string {
  const issued = Math.floor(input.now.getTime() / 1000).toString(36);
  const nonce = randomBytes(12).toString("base64url");
  const body = `${VERSION}.${issued}.${nonce}.${bindingOf(input.binding)}`;
  return `${body}.${mac(input.secret, body)}`;
}

export function verifyMcpSessionId(input: {
  secret: string;
  sessionId: string;
  binding: McpSessionBinding;
  now: Date;
}): SessionCheck {
  const parts = input.sessionId.length <= 200 ? input.sessionId.split(".") : [];
  const [version, issued, nonce, binding, signature] = parts;
  if (parts.length !== 5 || version !== VERSION || !issued || !nonce || !binding || !signature)
    return { ok: false, reason: "malformed" };
  if (!signatureHolds(input.secret, parts, input.sessionId)) return { ok: false, reason: "forged" };
  if (binding !== bindingOf(input.binding)) return { ok: false, reason: "foreign" };
  const issuedAt = new Date(Number.parseInt(issued, 36) * 1000);
  const age = input.now.getTime() - issuedAt.getTime();
  if (!(age >= -60_000 && age <= MCP_SESSION_HOURS * 3_600_000)) return { ok: false, reason: "expired" };
  return { ok: true, sessionId: input.sessionId, issuedAt };
}
