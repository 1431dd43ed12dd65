// The sandbox's own admin API under /_sandbox (unsigned; the server binds to loopback only).
// Tests and benchmarks use it to read counters, inject faults and edit roles at run time.
import { ZodError } from "zod";
import type { Runtime } from "../dispatch";
import type { WireResponse } from "../protocol/render";
import { accountSchema, roleSchema } from "../seed/schema";

const json = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

function parseBody(body: Buffer): unknown {
  return body.length ? JSON.parse(body.toString("utf8")) : {};
}

export function handleAdmin(runtime: Runtime, method: string, path: string, body: Buffer): WireResponse {
  const { world, faults, counters } = runtime;
  const parts = path
    .replace(/^\/_sandbox\/?/, "")
    .split("/")
    .filter(Boolean)
    .map(decodeURIComponent);
  try {
    const [first, second, third, fourth] = parts;
    if (first === "health" && method === "GET") return json(200, { ok: true });
    if (first === "counters") {
      if (method === "GET") return json(200, counters.snapshot());
      if (method === "DELETE") {
        counters.reset();
        return json(200, counters.snapshot());
      }
    }
    if (first === "faults") {
      if (method === "GET") return json(200, faults.current);
      if (method === "PUT") return json(200, faults.set(parseBody(body) as object));
    }
    if (first === "accounts" && second) {
      if (!third && method === "PUT") {
        const account = world.putAccount(
          accountSchema.parse({ ...(parseBody(body) as object), account_id: second }),
        );
        return json(200, {
          account_id: account.id,
          resources: account.resources.length,
          roles: [...account.roles.keys()],
        });
      }
      if (!third && method === "GET") {
        const account = world.accounts.get(second);
        if (!account) return json(404, { error: `unknown account ${second}` });
        return json(200, {
          account_id: account.id,
          regions: account.regions,
          roles: [...account.roles.keys()],
          resources: account.resources.length,
        });
      }
      if (third === "roles" && fourth) {
        if (!world.accounts.has(second)) return json(404, { error: `unknown account ${second}` });
        if (method === "PUT")
          return json(
            200,
            world.putRole(second, roleSchema.parse({ ...(parseBody(body) as object), name: fourth })),
          );
        if (method === "DELETE") {
          return world.deleteRole(second, fourth)
            ? json(200, { deleted: fourth })
            : json(404, { error: `unknown role ${fourth}` });
        }
      }
    }
    return json(404, { error: `no admin route ${method} /_sandbox/${parts.join("/")}` });
  } catch (error) {
    if (error instanceof ZodError) {
      return json(400, {
        error: "invalid body",
        issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    }
    if (error instanceof SyntaxError) return json(400, { error: `invalid JSON: ${error.message}` });
    return json(400, { error: (error as Error).message });
  }
}
