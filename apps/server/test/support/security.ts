// The one security suite every admin route runs (STYLE.md "Tests"): missing, malformed, forged,
// expired and under-scoped credentials are refused with the envelope and a WWW-Authenticate challenge
// and write nothing; a valid admin JWT is accepted; another tenant's key id, or an unknown client id,
// is a 404; and no response carries the other tenant's data.
import { authenticateApiKey } from "@tagc/services";
import { SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { ADMIN_SCOPE, type Harness, KINDS, type Tenant } from "../harness";
import { snapshotDatabase } from "./db-state";
import { expectError, notFoundClient, notFoundKey } from "./expect-error";
import { expectNoMarkersOf, pathOf, type RouteCase, UNKNOWN_CLIENT_ID } from "./routes";
import { useHarness } from "./use-harness";

const REQUIRED = {
  status: 401,
  code: "UNAUTHORIZED",
  message: "An admin bearer token is required (Authorization: Bearer <token>).",
};
const INVALID = { status: 401, code: "UNAUTHORIZED", message: "The admin token is invalid or expired." };
const CHALLENGE = 'Bearer realm="tagc-admin"';
const INVALID_CHALLENGE = 'Bearer realm="tagc-admin", error="invalid_token"';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

interface RejectedCase {
  name: string;
  credential(h: Harness): Promise<{ token: string | null; headers?: Record<string, string> }>;
  expected: { status: number; code: string; message: string };
  challenge: string;
}

const REJECTED: RejectedCase[] = [
  {
    name: "no Authorization header",
    credential: async () => ({ token: null }),
    expected: REQUIRED,
    challenge: CHALLENGE,
  },
  {
    name: "a Basic credential",
    credential: async (h) => ({
      token: null,
      headers: { authorization: `Basic ${Buffer.from(`admin:${h.adminToken}`).toString("base64")}` },
    }),
    expected: REQUIRED,
    challenge: CHALLENGE,
  },
  {
    name: "a bad token",
    credential: async () => ({ token: "not-a-real-token" }),
    expected: INVALID,
    challenge: INVALID_CHALLENGE,
  },
  {
    name: "the bootstrap token with one character changed",
    credential: async (h) => ({
      token: `${h.adminToken.slice(0, -1)}${h.adminToken.endsWith("A") ? "B" : "A"}`,
    }),
    expected: INVALID,
    challenge: INVALID_CHALLENGE,
  },
  {
    // A tenant's MCP key is not an admin credential.
    name: "a tenant API key",
    credential: async (h) => ({ token: h.acme.apiKey }),
    expected: INVALID,
    challenge: INVALID_CHALLENGE,
  },
  {
    name: "a JWT signed with another secret",
    credential: async (h) => ({
      token: await h.jwt({ secret: "another-secret-another-secret-another-secret" }),
    }),
    expected: INVALID,
    challenge: INVALID_CHALLENGE,
  },
  {
    name: "an unsigned (alg none) JWT",
    credential: async () => ({
      token: `${base64url({ alg: "none", typ: "JWT" })}.${base64url({
        sub: "mallory",
        scope: ADMIN_SCOPE,
        exp: Math.floor(Date.now() / 1000) + 300,
      })}.`,
    }),
    expected: INVALID,
    challenge: INVALID_CHALLENGE,
  },
  {
    name: "an expired admin JWT",
    credential: async (h) => ({ token: await h.jwt({ expiresIn: -60 }) }),
    expected: { ...INVALID, message: "exp: the admin token has expired." },
    challenge: INVALID_CHALLENGE,
  },
  {
    // A token that never expires is a standing credential: refused however well signed.
    name: "an admin JWT without exp",
    credential: async (h) => ({
      token: await new SignJWT({ scope: ADMIN_SCOPE })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuedAt()
        .sign(new TextEncoder().encode(h.jwtSecret)),
    }),
    expected: { ...INVALID, message: "exp: the admin token must carry an expiry (exp claim)." },
    challenge: INVALID_CHALLENGE,
  },
  {
    name: "a JWT without the admin scope",
    credential: async (h) => ({ token: await h.jwt({ scope: "tagc:read mcp:tools" }) }),
    expected: { status: 403, code: "FORBIDDEN", message: `The token lacks the ${ADMIN_SCOPE} scope.` },
    challenge: `Bearer realm="tagc-admin", error="insufficient_scope", scope="${ADMIN_SCOPE}"`,
  },
  {
    name: "a JWT with no scope at all",
    credential: async (h) => ({ token: await h.jwt({ scope: "" }) }),
    expected: { status: 403, code: "FORBIDDEN", message: `The token lacks the ${ADMIN_SCOPE} scope.` },
    challenge: `Bearer realm="tagc-admin", error="insufficient_scope", scope="${ADMIN_SCOPE}"`,
  },
];

export function describeSecurity(route: RouteCase) {
  const pairs = (h: Harness): [Tenant, Tenant][] => [
    [h.acme, h.globex],
    [h.globex, h.acme],
  ];

  describe.each(KINDS)(`${route.operationId} security (%s)`, (kind) => {
    const harness = useHarness({ kind });

    test.each(REJECTED)(
      "$name is refused and writes nothing",
      async ({ credential, expected, challenge }) => {
        const h = harness();
        const target = await route.target(h, h.acme);
        const { token, headers } = await credential(h);
        const before = await snapshotDatabase(h);
        const response = await h.request(route.method, pathOf(route, target.params), {
          token,
          body: target.body,
          ...(headers ? { headers } : {}),
        });
        expectError(response, expected);
        expect(response.headers.get("www-authenticate")).toBe(challenge);
        expect(await snapshotDatabase(h)).toEqual(before);
      },
    );

    test("an admin JWT is accepted", async () => {
      const h = harness();
      const target = await route.target(h, h.acme);
      const response = await h.request(route.method, pathOf(route, target.params), {
        token: await h.jwt({ scope: `openid ${ADMIN_SCOPE}`, sub: "ops@operator.test" }),
        body: target.body,
      });
      expect(response.status, response.text).toBe(route.success);
      expect(response.headers.get("www-authenticate")).toBeNull();
    });

    test("no response shows the other tenant's data, nor either tenant's External ID or API key", async () => {
      const h = harness();
      for (const [owner, other] of pairs(h)) {
        const target = await route.target(h, owner);
        const response = await h.request(route.method, pathOf(route, target.params), { body: target.body });
        expect(response.status, response.text).toBe(route.success);
        // The admin listing is the one cross-tenant read: it names both tenants, never their secrets.
        if (route.template !== "/v1/clients") expectNoMarkersOf(other, response.text, route.operationId);
        for (const tenant of [owner, other]) {
          expect(response.text).not.toContain(tenant.externalId);
          expect(response.text).not.toContain(tenant.apiKey);
        }
      }
    });

    if (route.template.includes("{id}")) {
      test("an unknown client id is a 404 and writes nothing", async () => {
        const h = harness();
        const target = await route.target(h, h.acme);
        const before = await snapshotDatabase(h);
        const response = await h.request(
          route.method,
          pathOf(route, { ...target.params, id: UNKNOWN_CLIENT_ID }),
          {
            body: target.body,
          },
        );
        expectError(response, notFoundClient(UNKNOWN_CLIENT_ID));
        expect(await snapshotDatabase(h)).toEqual(before);
      });

      test("a malformed client id is a 404 that does not echo it", async () => {
        const h = harness();
        const target = await route.target(h, h.acme);
        const bogus = "cli_%3Cscript%3E";
        const response = await h.request(route.method, pathOf(route, { ...target.params, id: bogus }), {
          body: target.body,
        });
        expectError(response, { status: 404, code: "NOT_FOUND", message: "client was not found" });
      });
    }

    if (route.template.includes("{keyId}")) {
      test("the other tenant's key id under this tenant's path is a 404, and that key keeps working", async () => {
        const h = harness();
        for (const [owner, other] of pairs(h)) {
          const target = await route.target(h, owner);
          const before = await snapshotDatabase(h);
          const response = await h.request(
            route.method,
            pathOf(route, { id: owner.id, keyId: other.keyId }),
            {
              body: target.body,
            },
          );
          expectError(response, notFoundKey(other.keyId));
          expectNoMarkersOf(other, response.text.replace(other.keyId, ""), route.operationId);
          expect(await snapshotDatabase(h)).toEqual(before);
          const auth = await authenticateApiKey(h.db, other.apiKey, new Date());
          expect(auth.ok && auth.client.id).toBe(other.id);
        }
      });
    }
  });
}
