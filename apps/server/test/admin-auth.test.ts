// The admin credential beyond the shared security suite: how scopes may be carried, which algorithms
// are accepted, and the shape of the Authorization header.
import { SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { ADMIN_SCOPE, type Harness } from "./harness";
import { expectError } from "./support/expect-error";
import { useHarness } from "./support/use-harness";

const INVALID = { status: 401, code: "UNAUTHORIZED", message: "The admin token is invalid or expired." };
const REQUIRED = {
  status: 401,
  code: "UNAUTHORIZED",
  message: "An admin bearer token is required (Authorization: Bearer <token>).",
};

async function sign(
  h: Harness,
  claims: Record<string, unknown>,
  alg = "HS256",
  edit?: (jwt: SignJWT) => SignJWT,
) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setSubject("ops")
    .setIssuedAt()
    .setExpirationTime("5m");
  return (edit ? edit(jwt) : jwt).sign(new TextEncoder().encode(h.jwtSecret));
}

describe("admin authentication (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each([
    ["a space-separated scope string", { scope: `openid ${ADMIN_SCOPE} email` }],
    ["a scope array", { scope: [ADMIN_SCOPE] }],
    ["an scp array (Azure AD style)", { scp: ["read", ADMIN_SCOPE] }],
    ["a scopes string", { scopes: ADMIN_SCOPE }],
  ])("accepts the admin scope in %s", async (_name, claims) => {
    const h = harness();
    const response = await h.request("GET", "/v1/clients", { token: await sign(h, claims) });
    expect(response.status).toBe(200);
  });

  test.each([
    ["a scope that merely contains the admin scope", { scope: `${ADMIN_SCOPE}x` }],
    ["the admin scope in another claim", { roles: [ADMIN_SCOPE] }],
  ])("refuses %s (403)", async (_name, claims) => {
    const h = harness();
    expectError(await h.request("GET", "/v1/clients", { token: await sign(h, claims) }), {
      status: 403,
      code: "FORBIDDEN",
      message: `The token lacks the ${ADMIN_SCOPE} scope.`,
    });
  });

  test("refuses another HMAC algorithm, even with the right secret", async () => {
    const h = harness();
    expectError(
      await h.request("GET", "/v1/clients", { token: await sign(h, { scope: ADMIN_SCOPE }, "HS512") }),
      INVALID,
    );
  });

  test("refuses a token that is not valid yet", async () => {
    const h = harness();
    const token = await sign(h, { scope: ADMIN_SCOPE }, "HS256", (jwt) => jwt.setNotBefore("10m"));
    expectError(await h.request("GET", "/v1/clients", { token }), {
      ...INVALID,
      message: "nbf: the admin token is not valid yet.",
    });
  });

  test("the scheme is case-insensitive; anything but one bearer token counts as no credential", async () => {
    const h = harness();
    const lower = await h.request("GET", "/v1/clients", {
      token: null,
      headers: { authorization: `bearer ${h.adminToken}` },
    });
    expect(lower.status).toBe(200);
    for (const authorization of [
      `Bearer ${h.adminToken} extra`,
      "Bearer",
      `Token ${h.adminToken}`,
      h.adminToken,
    ]) {
      const response = await h.request("GET", "/v1/clients", { token: null, headers: { authorization } });
      expectError(response, REQUIRED);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="tagc-admin"');
    }
  });

  test("admin routes are never reachable with a tenant's API key, whichever the route", async () => {
    const h = harness();
    for (const path of ["/v1/clients", `/v1/clients/${h.acme.id}`, `/v1/clients/${h.acme.id}/api-keys`]) {
      expectError(await h.request("GET", path, { token: h.acme.apiKey }), INVALID);
    }
  });
});
