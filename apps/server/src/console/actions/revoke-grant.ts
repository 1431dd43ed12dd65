// POST /console/clients/:id/oauth-grants/:grantId/revoke: revokeOAuthGrant, as its DELETE route.
import { revokeOAuthGrant, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { clientCtxOf } from "../../routes/context";
import type { AppEnv } from "../../types";

export async function revokeGrantAction(c: Context<AppEnv>, deps: ServiceDeps) {
  await revokeOAuthGrant({ ctx: clientCtxOf(c, deps), input: { grant_id: c.req.param("grantId") ?? "" } });
  return c.redirect(`/console/clients/${c.var.client.id}?notice=grant_revoked#grants`, 303);
}
