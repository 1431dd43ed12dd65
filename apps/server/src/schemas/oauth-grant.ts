import { z } from "@hono/zod-openapi";
import { ClientIdParam, pathId } from "./common";

export const OAuthGrantParams = ClientIdParam.extend({ grantId: pathId("grantId", "kY3p9Qw1xV7mZ2rT") });

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
