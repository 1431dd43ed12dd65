// The OAuth endpoints come before any credential, so the per-address budget of /mcp bounds them too:
// past it, registration, sign-in and token requests get 429 with Retry-After.
import { MemoryRateLimiter } from "@tagc/services";
import { describe, expect, it } from "vitest";
import { createRuntime } from "../../src/runtime";
import { useHarness } from "../support/use-harness";

describe("OAuth endpoints under the per-address limit", () => {
  const harness = useHarness({
    kind: "pglite",
    configure: (deps, env) => ({
      ...deps,
      mcp: {
        ...createRuntime(env, deps.logger).mcp,
        ipLimiter: new MemoryRateLimiter({ limit: 3, windowMs: 60_000 }),
      },
    }),
  });

  it("answers 429 with Retry-After once the address has spent its budget", async () => {
    const server = await harness().listen();
    try {
      const register = () =>
        fetch(`${server.url}/oauth/register`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            redirect_uris: ["https://claude.ai/api/mcp/auth_callback"],
            token_endpoint_auth_method: "none",
          }),
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await register()).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = await register();
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ error: "temporarily_unavailable" });
    } finally {
      await server.close();
    }
  });
});
