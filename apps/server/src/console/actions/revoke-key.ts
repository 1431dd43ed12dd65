// POST /console/clients/:id/keys/:keyId/revoke: revokeApiKey, as DELETE /v1/clients/{id}/api-keys/{keyId}.
import { revokeApiKey, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { clientCtxOf } from "../../routes/context";
import type { AppEnv } from "../../types";

export async function revokeKeyAction(c: Context<AppEnv>, deps: ServiceDeps) {
  await revokeApiKey({ ctx: clientCtxOf(c, deps), input: { key_id: c.req.param("keyId") ?? "" } });
  return c.redirect(`/console/clients/${c.var.client.id}?notice=key_revoked#keys`, 303);
}
