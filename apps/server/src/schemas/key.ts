import { z } from "@hono/zod-openapi";
import { KEY_SCOPES } from "@tagc/services";
import { ClientIdParam, hasNoNul, NO_NUL_MESSAGE, pathId } from "./common";

export const IssueKeyBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine(hasNoNul, NO_NUL_MESSAGE)
      .openapi({ example: "claude-desktop" }),
    scopes: z
      .array(z.enum(KEY_SCOPES))
      .min(1)
      .max(2)
      .optional()
      .openapi({ description: "Default: mcp:tools" }),
    expires_at: z.iso.datetime({ offset: true }).optional().openapi({ example: "2027-01-01T00:00:00Z" }),
  })
  .openapi("IssueApiKey");

export const RotateKeyBody = z
  .strictObject({
    overlap_seconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(86_400)
      .openapi({ description: "How long the old secret keeps working (default one day, at most seven)" }),
  })
  .openapi("RotateApiKey");

export const KeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "Display prefix of the secret" }),
    scopes: z.array(z.string()),
    state: z.enum(["active", "expired", "revoked", "rotating"]),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    grace_expires_at: z.string().nullable(),
    rotated_from_id: z.string().nullable(),
  })
  .openapi("ApiKey");

export const IssuedKeySchema = KeySchema.extend({
  secret: z
    .string()
    .openapi({ description: "Shown once: only its SHA-256 is stored", example: "tagc_live_…" }),
}).openapi("IssuedApiKey");

export const RotatedKeySchema = IssuedKeySchema.extend({ previous: KeySchema }).openapi("RotatedApiKey");
export const KeyListSchema = z.object({ data: z.array(KeySchema) }).openapi("ApiKeyList");

export const KeyParams = ClientIdParam.extend({ keyId: pathId("keyId", "key_01jd3k7w9m2x4q8v6r5t0b1c2d") });
