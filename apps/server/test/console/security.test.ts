// No console route answers without a valid admin session: every GET and POST without a cookie, with a
// forged, altered or expired one is sent to sign-in (GET) or refused (POST, 401); every form post with
// a session but without the console's Origin or without (or with a wrong) CSRF token is refused (403).
import { describe, expect, test } from "vitest";
import { sessionCookie } from "../../src/console/session";
import { type ConsoleSignIn, consoleRequest, csrfTokenOf, signIn } from "../support/console";
import { useHarness } from "../support/use-harness";

describe("console security (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });

  const routes = () => {
    const id = harness().acme.id;
    const key = harness().acme.keyId;
    return [
      ["GET", "/console"],
      ["GET", "/console/register"],
      ["POST", "/console/register"],
      ["POST", "/console/sign-out"],
      ["GET", `/console/clients/${id}`],
      ["POST", `/console/clients/${id}/verify`],
      ["POST", `/console/clients/${id}/keys`],
      ["POST", `/console/clients/${id}/keys/${key}/revoke`],
      ["POST", `/console/clients/${id}/keys/${key}/rotate`],
      ["POST", `/console/clients/${id}/oauth-grants/grt_0000000000/revoke`],
      ["POST", `/console/clients/${id}/schedules/sch_0000000000/cancel`],
      ["POST", `/console/clients/${id}/onboarding-link`],
      ["GET", "/console/no-such-page"],
    ] as const;
  };

  const forgedCookies = async () => {
    const h = harness();
    const nowS = Math.floor(Date.now() / 1000);
    const session = { sub: "bootstrap", exp: nowS + 600, csrf: "x".repeat(32) };
    const config = h.deps.console!;
    const real = (await sessionCookie(config, session, nowS)).split(";")[0] ?? "";
    const forged = (await sessionCookie({ ...config, sessionSecret: "f".repeat(40) }, session, nowS)).split(
      ";",
    )[0];
    const expired = (await sessionCookie(config, { ...session, exp: nowS - 1 }, nowS)).split(";")[0];
    // The same signature over another value: the HMAC no longer matches.
    const [name, value = ""] = real.split("=");
    const altered = `${name}=${encodeURIComponent(`${Buffer.from(JSON.stringify({ ...session, sub: "mallory" })).toString("base64url")}.${decodeURIComponent(value).split(".")[1]}`)}`;
    return { none: undefined, forged, expired, altered, garbage: "__Secure-tagc_console=garbage" };
  };

  test.each(["none", "forged", "expired", "altered", "garbage"] as const)(
    "every route with %s cookie: GET redirects to sign-in, POST is 401",
    async (kind) => {
      const cookie = (await forgedCookies())[kind];
      for (const [method, path] of routes()) {
        const response = await consoleRequest(harness().app, method, path, {
          cookie,
          form: { csrf_token: "x".repeat(32), name: "k", token: "t" },
        });
        if (method === "GET") {
          expect(response.status, `${method} ${path}`).toBe(303);
          expect(response.headers.get("location")).toBe("/console/sign-in");
        } else {
          expect(response.status, `${method} ${path}`).toBe(401);
          expect(await response.text()).toContain("Sign in again");
        }
      }
    },
  );

  describe("with a session", () => {
    let session: ConsoleSignIn;
    const posts = () => routes().filter(([method]) => method === "POST");

    test("sign in with the bootstrap token", async () => {
      session = await signIn(harness().app, harness().adminToken);
      expect(session.csrf).toMatch(/^[\w-]{32}$/);
    });

    test.each([
      ["no Origin", null],
      ["another site's Origin", "https://evil.example"],
    ])("every POST with %s is 403", async (_what, origin) => {
      for (const [method, path] of posts()) {
        const response = await consoleRequest(harness().app, method, path, {
          cookie: session.cookie,
          origin,
          form: { csrf_token: session.csrf },
        });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(await response.text()).toContain("Origin check");
      }
    });

    test.each([
      ["no CSRF token", undefined],
      ["a wrong CSRF token", "y".repeat(32)],
      ["a token of another length", "short"],
    ])("every POST with %s is 403", async (_what, token) => {
      for (const [method, path] of posts()) {
        const response = await consoleRequest(harness().app, method, path, {
          cookie: session.cookie,
          form: token === undefined ? { name: "k" } : { csrf_token: token, name: "k" },
        });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(await response.text()).toContain("csrf_token: the form token is missing or stale");
      }
    });

    test("another session's CSRF token does not pass", async () => {
      const other = await signIn(harness().app, harness().adminToken);
      expect(other.csrf).not.toBe(session.csrf);
      const response = await consoleRequest(
        harness().app,
        "POST",
        `/console/clients/${harness().acme.id}/keys`,
        {
          cookie: session.cookie,
          form: { csrf_token: other.csrf, name: "cross" },
        },
      );
      expect(response.status).toBe(403);
    });

    test("pages carry the security headers and the token field", async () => {
      const response = await consoleRequest(harness().app, "GET", `/console/clients/${harness().acme.id}`, {
        cookie: session.cookie,
      });
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(csrfTokenOf(await response.text())).toBe(session.csrf);
    });

    test("sign-out clears the cookie", async () => {
      const response = await consoleRequest(harness().app, "POST", "/console/sign-out", {
        cookie: session.cookie,
        form: { csrf_token: session.csrf },
      });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/console/sign-in");
      const cleared = response.headers.getSetCookie().find((c) => c.startsWith("__Secure-tagc_console="));
      expect(cleared).toMatch(/^__Secure-tagc_console=; Max-Age=0;.*Path=\/console/);
    });
  });
});
