import { loadClient, type ServiceDeps } from "@tagc/services";
import type { MiddlewareHandler } from "hono";
import { envelope } from "../errors";
import type { AppEnv } from "../types";

export const CLIENT_ID = /^cli_[0-9A-Za-z]{10,40}$/;

/** Resolves {id} of /v1/clients/{id}/… into c.var.client; a malformed or unknown id is a 404. */
export function resolveClient(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param("id") ?? "";
    if (!CLIENT_ID.test(id)) return envelope(c, "NOT_FOUND", "client was not found");
    c.set("client", await loadClient(deps.db, id));
    return next();
  };
}
