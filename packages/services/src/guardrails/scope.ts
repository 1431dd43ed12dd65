import { hash } from "node:crypto";

/** A short, fixed-length digest for cache key segments that come from callers. */
// One-shot hash(): several run on every tool call, and createHash().update().digest() costs more.
export const digest = (text: string) => hash("sha256", text, "hex").slice(0, 32);

/**
 * Who a budget or loop counter belongs to: the MCP session when the caller has one, else the API key.
 * Keys use the key id, never the secret; a session id comes from the caller, so it is hashed (bounded
 * length, no separators) and tied to the key so one key cannot spend another key's session budget.
 */
export function callerScope(keyId: string, sessionId?: string | undefined): string {
  return sessionId ? `session:${keyId}:${digest(sessionId)}` : `key:${keyId}`;
}
