// POST /console/clients/:id/verify: verifyClient, as POST /v1/clients/{id}/verify.
import { type ServiceDeps, verifyClient } from "@tagc/services";
import type { Context } from "hono";
import { clientCtxOf } from "../../routes/context";
import type { AppEnv } from "../../types";

export async function verifyAction(c: Context<AppEnv>, deps: ServiceDeps) {
  await verifyClient({ ctx: clientCtxOf(c, deps), input: {} });
  return c.redirect(`/console/clients/${c.var.client.id}?notice=verified#connection`, 303);
}
