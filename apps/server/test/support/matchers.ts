import { expect } from "vitest";

/** A prefixed, sortable row id (`cli_…`, `key_…`). */
export const anId = (prefix: string) => expect.stringMatching(new RegExp(`^${prefix}_[0-9a-z]{26}$`));

/** A UTC timestamp as the API renders it. */
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const anIso = () => expect.stringMatching(ISO);

/** An API key secret: prefix, 43 base62 characters of randomness, 6 of checksum. */
export const SECRET = /^tagc_live_[0-9A-Za-z]{49}$/;

/** The keys of a listed API key: never the secret, never its hash. */
export const KEY_FIELDS = [
  "created_at",
  "expires_at",
  "grace_expires_at",
  "id",
  "last_used_at",
  "name",
  "prefix",
  "revoked_at",
  "rotated_from_id",
  "scopes",
  "state",
];

export const CLIENT_FIELDS = [
  "contact_email",
  "created_at",
  "deleted_at",
  "id",
  "name",
  "status",
  "status_reason",
  "tier",
  "updated_at",
];
