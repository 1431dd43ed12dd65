import type { ClientCtx, Ctx, ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import type { AppEnv } from "../types";

/** The services context of a request: the actor and request id set by middleware. */
export const ctxOf = (c: Context<AppEnv>, deps: ServiceDeps): Ctx => ({
  deps,
  actor: c.var.actor,
  requestId: c.var.requestId,
});

/** The same, bound to the tenant resolved from the path (never from the body or query). */
export const clientCtxOf = (c: Context<AppEnv>, deps: ServiceDeps): ClientCtx => ({
  ...ctxOf(c, deps),
  client: c.var.client,
});

export type Router = import("@hono/zod-openapi").OpenAPIHono<AppEnv>;
