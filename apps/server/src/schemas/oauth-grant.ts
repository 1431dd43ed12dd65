import { z } from "@hono/zod-openapi";

export const OAuthGrantParams = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "cli_01jd3k7w9m2x4q8v6r5t0b1c2d" }),
  grantId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "grantId", in: "path" }, example: "kY3p9Qw1…" }),
});

export const OAuthGrantSchema = z
  .object({
    id: z.string(),
    oauth_client_id: z.string().openapi({ description: "The app's OAuth client id (dynamic registration)" }),
    oauth_client_name: z.string().nullable().openapi({ example: "Claude" }),
    key_id: z
      .string()
      .openapi({ description: "The API key the customer approved with; revoking it ends the grant" }),
    scopes: z.array(z.string()),
    created_at: z.string(),
    expires_at: z.string().nullable(),
  })
  .openapi("OAuthGrant");

export const OAuthGrantListSchema = z.object({ data: z.array(OAuthGrantSchema) }).openapi("OAuthGrantList");

export const RevokedOAuthGrantSchema = z
  .object({ id: z.string(), revoked: z.literal(true) })
  .openapi("RevokedOAuthGrant");
