// Admin JWTs carry an expiry within the maximum lifetime, and nbf/iat are checked with the clock skew
// (ADMIN_JWT_MAX_LIFETIME_S 3600, ADMIN_JWT_CLOCK_SKEW_S 30 by default); the bootstrap token rotates
// with old and new hashes accepted during the overlap.
import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { parseEnv } from "../src/env";
import { ADMIN_SCOPE, type Harness } from "./harness";
import { expectError } from "./support/expect-error";
import { OPERATOR_ENV } from "./support/operator-env";
import { useHarness } from "./support/use-harness";

const nowS = () => Math.floor(Date.now() / 1000);

/** Signs exactly the claims given (no iat or exp unless listed), computed when the test runs. */
const sign = (h: Harness, claims: () => Record<string, unknown>) =>
  new SignJWT({ scope: ADMIN_SCOPE, sub: "ops", ...claims() })
    .setProtectedHeader({ alg: "HS256" })
    .sign(new TextEncoder().encode(h.jwtSecret));

const refused = (message: string) => ({ status: 401, code: "UNAUTHORIZED", message });

const OLD = "tagc_bootstrap_old_000000000000000000";
const NEW = "tagc_bootstrap_new_000000000000000000";
const ENDED = "tagc_bootstrap_ended_0000000000000000";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

describe("admin JWT lifetime (postgres)", () => {
  const harness = useHarness({
    kind: "postgres",
    env: {
      ADMIN_BOOTSTRAP_TOKEN_SHA256: [
        `${hash(OLD)}@${new Date(Date.now() + 3_600_000).toISOString()}`,
        hash(NEW),
        `${hash(ENDED)}@${new Date(Date.now() - 1000).toISOString()}`,
      ].join(","),
    },
  });

  test.each([
    ["no exp", () => ({ iat: nowS() }), "exp: the admin token must carry an expiry (exp claim)."],
    [
      "a ten-year exp",
      () => ({ iat: nowS(), exp: nowS() + 10 * 365 * 86_400 }),
      "exp: the admin token's lifetime (315360000 s) exceeds the maximum of 3600 s.",
    ],
    [
      "exp − iat one minute over the maximum",
      () => ({ iat: nowS() - 600, exp: nowS() + 3060 }),
      "exp: the admin token's lifetime (3660 s) exceeds the maximum of 3600 s.",
    ],
    [
      "nbf ten minutes ahead",
      () => ({ iat: nowS(), nbf: nowS() + 600, exp: nowS() + 900 }),
      "nbf: the admin token is not valid yet.",
    ],
    [
      "iat ten minutes ahead",
      () => ({ iat: nowS() + 600, exp: nowS() + 900 }),
      "iat: the admin token is issued in the future; check the issuer's clock.",
    ],
    [
      "an exp past the skew",
      () => ({ iat: nowS() - 900, exp: nowS() - 120 }),
      "exp: the admin token has expired.",
    ],
  ])("refuses a token with %s (401 naming the claim)", async (_name, claims, message) => {
    const h = harness();
    const response = await h.request("GET", "/v1/clients", { token: await sign(h, claims) });
    expectError(response, refused(message));
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="tagc-admin", error="invalid_token"');
  });

  test("refuses a token without iat whose exp is two hours away (the remaining lifetime is bounded)", async () => {
    const h = harness();
    const response = await h.request("GET", "/v1/clients", {
      token: await sign(h, () => ({ exp: nowS() + 7200 })),
    });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      error: {
        code: "UNAUTHORIZED",
        message: expect.stringMatching(
          /^exp: the admin token's lifetime \(71\d\d s\) exceeds the maximum of 3600 s\.$|^exp: the admin token's lifetime \(7200 s\)/,
        ),
      },
    });
  });

  test.each([
    ["exp − iat exactly the maximum", () => ({ iat: nowS(), exp: nowS() + 3600 })],
    ["no iat and exp half an hour away", () => ({ exp: nowS() + 1800 })],
    ["nbf and iat within the clock skew", () => ({ iat: nowS() + 20, nbf: nowS() + 20, exp: nowS() + 600 })],
    ["an exp just past, within the skew", () => ({ iat: nowS() - 600, exp: nowS() - 10 })],
  ])("accepts a token with %s", async (_name, claims) => {
    const h = harness();
    const response = await h.request("GET", "/v1/clients", { token: await sign(h, claims) });
    expect(response.status).toBe(200);
  });

  test("bootstrap rotation: the old and the new token both work during the overlap, an ended one does not", async () => {
    const h = harness();
    for (const token of [OLD, NEW, h.adminToken]) {
      expect((await h.request("GET", "/v1/clients", { token })).status, token).toBe(200);
    }
    expectError(
      await h.request("GET", "/v1/clients", { token: ENDED }),
      refused("The admin token is invalid or expired."),
    );
  });
});

describe("admin token settings in the environment", () => {
  test("a malformed bootstrap hash list or overlap end stops the boot naming the variable", () => {
    expect(() => parseEnv({ ...OPERATOR_ENV, ADMIN_BOOTSTRAP_TOKEN_SHA256: `${hash(OLD)},nothex` })).toThrow(
      /ADMIN_BOOTSTRAP_TOKEN_SHA256\.1: must be comma-separated 64-hex-character hashes/,
    );
    expect(() =>
      parseEnv({ ...OPERATOR_ENV, ADMIN_BOOTSTRAP_TOKEN_SHA256: `${hash(OLD)}@yesterday` }),
    ).toThrow(/ADMIN_BOOTSTRAP_TOKEN_SHA256\.0: the time after @ must be an ISO 8601 date-time/);
    expect(() => parseEnv({ ...OPERATOR_ENV, ADMIN_JWT_MAX_LIFETIME_S: "0" })).toThrow(
      /ADMIN_JWT_MAX_LIFETIME_S/,
    );
  });

  test("defaults: one hour of lifetime, 30 s of skew", () => {
    const env = parseEnv({ ...OPERATOR_ENV });
    expect([env.ADMIN_JWT_MAX_LIFETIME_S, env.ADMIN_JWT_CLOCK_SKEW_S]).toEqual([3600, 30]);
  });
});
