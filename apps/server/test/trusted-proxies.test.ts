// Behind a load balancer: with TRUSTED_PROXIES naming the hop, the per-IP limit of /mcp keys on the
// client address from X-Forwarded-For, so two customers behind one balancer get a bucket each; without
// it (or from an untrusted hop) the header is ignored and cannot buy a caller a fresh bucket.
import { MemoryRateLimiter } from "@tagc/services";
import { describe, expect, test } from "vitest";
import { parseEnv } from "../src/env";
import { createRuntime } from "../src/runtime";
import type { Harness } from "./harness";
import { OPERATOR_ENV } from "./support/operator-env";
import { useHarness } from "./support/use-harness";

const LIMIT = 3;

function limited(env?: Record<string, string>) {
  return useHarness({
    kind: "pglite",
    ...(env ? { env } : {}),
    configure: (deps, parsed) => ({
      ...deps,
      mcp: {
        ...createRuntime(parsed, deps.logger).mcp,
        ipLimiter: new MemoryRateLimiter({ limit: LIMIT, windowMs: 60_000 }),
      },
    }),
  });
}

/** Statuses of unauthenticated /mcp calls (401 until the address's budget is spent, then 429). */
async function statuses(h: Harness, forwardedFor: string[]) {
  const server = await h.listen();
  try {
    const out: number[] = [];
    for (const xff of forwardedFor) {
      const response = await fetch(`${server.url}/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": xff },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      });
      await response.body?.cancel();
      out.push(response.status);
    }
    return out;
  } finally {
    await server.close();
  }
}

const spend = (xff: string) => Array.from({ length: LIMIT }, () => xff);

describe("TRUSTED_PROXIES set to the balancer's address", () => {
  const harness = limited({ TRUSTED_PROXIES: "127.0.0.1/32, ::1" });

  test("each forwarded client has its own bucket", async () => {
    const h = harness();
    expect(await statuses(h, [...spend("198.51.100.1"), "198.51.100.1", "198.51.100.2"])).toEqual([
      401, 401, 401, 429, 401,
    ]);
  });

  test("a client cannot escape its bucket by prepending its own X-Forwarded-For entry", async () => {
    const h = harness();
    expect(await statuses(h, [...spend("198.51.100.7"), "203.0.113.50, 198.51.100.7"])).toEqual([
      401, 401, 401, 429,
    ]);
  });
});

describe("TRUSTED_PROXIES unset", () => {
  const harness = limited();

  test("X-Forwarded-For is ignored: every caller on the socket shares its bucket", async () => {
    const h = harness();
    expect(await statuses(h, ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"])).toEqual([
      401, 401, 401, 429,
    ]);
  });
});

describe("TRUSTED_PROXIES naming another network", () => {
  const harness = limited({ TRUSTED_PROXIES: "10.0.0.0/8" });

  test("a socket outside it is not a trusted hop, so its header is ignored", async () => {
    const h = harness();
    expect(await statuses(h, ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"])).toEqual([
      401, 401, 401, 429,
    ]);
  });
});

test("a TRUSTED_PROXIES entry that is not a CIDR or an address stops the boot, naming the variable", () => {
  expect(() => parseEnv({ ...OPERATOR_ENV, TRUSTED_PROXIES: "10.0.0.0/8,lb.internal" })).toThrow(
    /TRUSTED_PROXIES\.1: must be comma-separated CIDRs or IP addresses/,
  );
  expect(parseEnv({ ...OPERATOR_ENV, TRUSTED_PROXIES: " 10.0.0.0/8 , ::1" }).TRUSTED_PROXIES).toEqual([
    "10.0.0.0/8",
    "::1",
  ]);
});
