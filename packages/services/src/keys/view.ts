import type { ApiKey } from "@tagc/db";

export function keyState(key: ApiKey, now: Date): "active" | "expired" | "revoked" | "rotating" {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  if (key.graceExpiresAt) return key.graceExpiresAt <= now ? "revoked" : "rotating";
  return "active";
}

/** A key as lists show it: never the secret nor its hash. */
export function keyView(key: ApiKey, now: Date) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.displayPrefix,
    scopes: key.scopes,
    state: keyState(key, now),
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    expires_at: key.expiresAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
    grace_expires_at: key.graceExpiresAt?.toISOString() ?? null,
    rotated_from_id: key.rotatedFromId,
  };
}
