// The console's pages and forms in-process: signing in with each kind of admin credential, each action
// through the verbs REST uses (seen back through REST), bad input answered with a page naming the
// field (never a 500), and two tenants: a client's page shows only its own keys and audit events.
import { alertDeliveries } from "@tagc/db";
import { describe, expect, test } from "vitest";
import type { ApiKeyBody as Key } from "../support/api-types";
import { type ConsoleSignIn, consoleRequest, sessionCookieOf, signIn } from "../support/console";
import { useHarness } from "../support/use-harness";

describe("console flows (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });
  let admin: ConsoleSignIn;
  const get = (path: string) => consoleRequest(harness().app, "GET", path, { cookie: admin.cookie });
  const post = (path: string, form: Record<string, string | string[]> = {}) =>
    consoleRequest(harness().app, "POST", path, {
      cookie: admin.cookie,
      form: { csrf_token: admin.csrf, ...form },
    });

  describe("sign-in", () => {
    test("an admin JWT: the cookie is Secure, HttpOnly, SameSite=Strict, Path=/console and ends with the JWT", async () => {
      const jwt = await harness().jwt({ expiresIn: 120, sub: "ops@operator.test" });
      const response = await consoleRequest(harness().app, "POST", "/console/sign-in", {
        form: { token: jwt },
      });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/console");
      const header =
        response.headers.getSetCookie().find((c) => c.startsWith("__Secure-tagc_console=")) ?? "";
      expect(header).toMatch(/; Secure/);
      expect(header).toMatch(/; HttpOnly/);
      expect(header).toMatch(/; SameSite=Strict/);
      expect(header).toMatch(/; Path=\/console/);
      // Never past the JWT's exp, though the configured lifetime is hours.
      const maxAge = Number(/Max-Age=(\d+)/.exec(header)?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(120);
      const home = await consoleRequest(harness().app, "GET", "/console", {
        cookie: sessionCookieOf(response),
      });
      expect(await home.text()).toContain("ops@operator.test");
    });

    test.each([
      [
        "a wrong token",
        async () => "not-the-token-at-all-000000",
        401,
        "The admin token is invalid or expired.",
      ],
      [
        "an expired JWT",
        async () => harness().jwt({ expiresIn: -60 }),
        401,
        "exp: the admin token has expired.",
      ],
      [
        "a JWT without the admin scope",
        async () => harness().jwt({ scope: "other" }),
        403,
        "lacks the tagc:admin scope",
      ],
      ["a forged JWT", async () => harness().jwt({ secret: "z".repeat(40) }), 401, "invalid or expired"],
      ["nothing", async () => "", 400, "token: is required"],
    ])("%s is refused on the form, with no cookie", async (_what, token, status, message) => {
      const response = await consoleRequest(harness().app, "POST", "/console/sign-in", {
        form: { token: await token() },
      });
      expect(response.status).toBe(status);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await response.text()).toContain(message);
    });

    test("the bootstrap token", async () => {
      admin = await signIn(harness().app, harness().adminToken);
      expect((await get("/console")).status).toBe(200);
    });
  });

  test("the clients list shows both tenants with status badges; search narrows it", async () => {
    const all = await (await get("/console")).text();
    expect(all).toContain("Acme Corp");
    expect(all).toContain("Globex");
    expect(all).toContain('data-status="connected"');
    const found = await (await get("/console?search=GLOB")).text();
    expect(found).toContain("Globex");
    expect(found).not.toContain("Acme Corp");
    const none = await (await get("/console?search=%25")).text();
    expect(none).toContain("No client matches");
  });

  test("register a client from the form; a double submit registers once", async () => {
    const form = {
      name: "Initech",
      contact_email: "ops@initech.example",
      tier: "starter",
      idempotency_key: "form-1",
    };
    const first = await post("/console/register", form);
    expect(first.status).toBe(303);
    const again = await post("/console/register", form);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const page = await (await get(first.headers.get("location") ?? "")).text();
    expect(page).toContain("Client registered.");
    expect(page).toContain("Initech");
    expect(page).toContain("CloudFormation quick-create link");
    const listed = await harness().request<{ data: { name: string }[] }>("GET", "/v1/clients?search=initech");
    expect(listed.body.data.map((c) => c.name)).toEqual(["Initech"]);
  });

  test.each([
    [{ name: "X", contact_email: "not-an-email", tier: "starter" }, "contact_email: "],
    [{ name: "X", contact_email: "a@b.example", tier: "platinum" }, "tier: "],
    [{ name: "X", contact_email: "a@b.example", tier: "starter", region: "moon" }, "region: "],
    [{ contact_email: "a@b.example", tier: "starter" }, "name: "],
    [
      { name: "X", contact_email: "a@b.example", tier: "starter", aws_account_id: "12" },
      "aws_account_id: must be 12 digits",
    ],
  ])(
    "registering %o is a 400 naming the field, marked on the form, with the values kept",
    async (form, message) => {
      const response = await post("/console/register", form);
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain(message);
      expect(page).toContain('aria-invalid="true"');
      expect(page).toContain(`value="${form.contact_email}"`);
    },
  );

  test("a field the form does not have is named too", async () => {
    const form = { name: "X", contact_email: "a@b.example", tier: "starter", extra: "1" };
    const response = await post("/console/register", form);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("extra: is not an allowed field");
  });

  test("issue a key (secret shown once), rotate it, revoke it: the REST list agrees", async () => {
    const h = harness();
    const base = `/console/clients/${h.acme.id}`;
    const issued = await post(`${base}/keys`, {
      name: "console-key",
      scopes: ["mcp:tools", "mcp:read"],
      expires_at: "2099-01-01",
    });
    expect(issued.status).toBe(201);
    const secret = /id="secret" class="secret" readonly value="([^"]+)"/.exec(await issued.text())?.[1] ?? "";
    expect(secret).toMatch(/^tagc_/);
    const keys = async () =>
      (await h.request<{ data: Key[] }>("GET", `/v1/clients/${h.acme.id}/api-keys`)).body.data;
    const key = (await keys()).find((k) => k.name === "console-key");
    expect(key).toMatchObject({ scopes: ["mcp:tools", "mcp:read"], expires_at: "2099-01-01T00:00:00.000Z" });
    // The client page lists the key but never its secret.
    const page = await (await get(base)).text();
    expect(page).toContain("console-key");
    expect(page).not.toContain(secret);

    const rotated = await post(`${base}/keys/${key?.id}/rotate`, { overlap_seconds: "60" });
    expect(rotated.status).toBe(201);
    expect(await rotated.text()).toContain("keeps working until");
    const successor = (await keys()).find((k) => k.rotated_from_id === key?.id);
    expect(successor?.state).toBe("active");

    const revoked = await post(`${base}/keys/${successor?.id}/revoke`);
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get("location")).toBe(`${base}?notice=key_revoked#keys`);
    expect((await keys()).find((k) => k.id === successor?.id)?.state).toBe("revoked");
  });

  test.each([
    ["keys", {}, "name: "],
    ["keys", { name: "k", scopes: "admin:all" }, "scopes.0: "],
    ["keys", { name: "k", expires_at: "soon" }, "expires_at: "],
    [
      "onboarding-link",
      { expires_in_hours: "999" },
      "expires_in_hours: must be a whole number of hours from 1 to 168",
    ],
    ["onboarding-link", { expires_in_hours: "two" }, "expires_in_hours: "],
  ])("POST %s with %o is a 400 naming the field", async (action, form, message) => {
    const response = await post(`/console/clients/${harness().acme.id}/${action}`, form);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  test.each([
    ["/console/clients/cli_nope", 404, "client was not found"],
    ["/console/clients/cli_0000000000000000000000", 404, "was not found"],
    ["/console/clients/{acme}?outcome=maybe", 400, "outcome: "],
    ["/console/clients/{acme}?cursor=bm9wZQ", 400, "cursor: is not a cursor returned by this endpoint"],
    ["/console/clients/{acme}?notice=%3Cscript%3E", 400, "notice: "],
    ["/console?status=happy", 400, "status: "],
    ["/console?cursor=bm9wZQ", 400, "cursor: is not a cursor"],
  ])("GET %s is a %d page naming the problem", async (path, status, message) => {
    const response = await get(path.replace("{acme}", harness().acme.id));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain(message);
  });

  test("an onboarding link from the form", async () => {
    const response = await post(`/console/clients/${harness().globex.id}/onboarding-link`, {
      expires_in_hours: "2",
    });
    expect(response.status).toBe(201);
    expect(await response.text()).toMatch(/value="https:\/\/tagc\.test\/onboard\/[\w.-]+"/);
  });

  test("two tenants: acme's page shows acme's keys and audit, never globex's", async () => {
    const h = harness();
    const acme = await (await get(`/console/clients/${h.acme.id}`)).text();
    const globex = await (await get(`/console/clients/${h.globex.id}`)).text();
    expect(acme).toContain(h.acme.keyId);
    expect(acme).toContain("acme-harness");
    expect(acme).not.toContain(h.globex.keyId);
    expect(acme).not.toContain("globex-harness");
    expect(acme).not.toContain(h.globex.id);
    expect(globex).toContain(h.globex.keyId);
    expect(globex).not.toContain(h.acme.keyId);
    expect(globex).not.toContain("console-key");
    // The audit log filter: only key issues, and only acme's.
    const filtered = await (
      await get(`/console/clients/${h.acme.id}?operation=api_keys.issue&outcome=ok`)
    ).text();
    const operations = [...filtered.matchAll(/<td class="operation"><code>([\w.]+)<\/code><\/td>/g)].map(
      (m) => m[1],
    );
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(operations)).toEqual(new Set(["api_keys.issue"]));
  });

  test("the Schedules section lists the client's own alert delivery attempts, failures with their error", async () => {
    const h = harness();
    await h.db.insert(alertDeliveries).values([
      {
        clientId: h.acme.id,
        scheduleId: "sch_acme",
        runAt: new Date("2026-12-01T08:00:00Z"),
        channel: "slack",
        target: "https://hooks.slack.com/…",
        attempt: 2,
        outcome: "failed",
        error: "the webhook answered 500",
      },
      {
        clientId: h.globex.id,
        scheduleId: "sch_globex",
        runAt: new Date("2026-12-01T08:00:00Z"),
        channel: "teams",
        target: "https://globex-only.webhook.office.com/…",
        attempt: 1,
        outcome: "delivered",
      },
    ]);
    const acme = await (await get(`/console/clients/${h.acme.id}`)).text();
    expect(acme).toContain("Alert deliveries");
    expect(acme).toContain("1 of the latest 1 attempts did not deliver.");
    expect(acme).toContain("the webhook answered 500");
    expect(acme).not.toContain("globex-only");
    const globex = await (await get(`/console/clients/${h.globex.id}`)).text();
    expect(globex).toContain("globex-only.webhook.office.com");
    expect(globex).toContain("Every recent attempt delivered.");
    expect(globex).not.toContain("the webhook answered 500");
  });

  test("REST: the audit filters and client search", async () => {
    const h = harness();
    const audit = await h.request<{ data: { operation: string; outcome: string }[] }>(
      "GET",
      `/v1/clients/${h.acme.id}/audit?operation=api_keys.revoke&outcome=ok`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.data.map((e) => e.operation)).toEqual(["api_keys.revoke"]);
    const bad = await h.request("GET", `/v1/clients/${h.acme.id}/audit?outcome=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("outcome");
    const search = await h.request<{ data: { name: string }[] }>("GET", "/v1/clients?search=acme");
    expect(search.body.data.map((c) => c.name)).toEqual(["Acme Corp"]);
  });
});
