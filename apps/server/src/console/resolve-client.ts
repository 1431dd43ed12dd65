// The client of a /console/clients/:id/… route, from the path only (never a form field), so every
// verb below is bound to the tenant the operator opened; malformed or unknown is the 404 page.
import { loadClient, type ServiceDeps, ServiceError } from "@tagc/services";
import type { MiddlewareHandler } from "hono";
import { CLIENT_ID } from "../middleware/client";
import type { AppEnv } from "../types";

export function resolveConsoleClient(deps: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param("id") ?? "";
    if (!CLIENT_ID.test(id)) throw new ServiceError("NOT_FOUND", "client was not found");
    c.set("client", await loadClient(deps.db, id));
    return next();
  };
}
