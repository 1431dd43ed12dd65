// The customer's onboarding page and its status endpoint, in-process against real Postgres and the
// sandbox: what a genuine link shows, what dead links show (never any client's data), the headers,
// and the status endpoint that verifies a pending client as soon as its role exists.
import { randomBytes } from "node:crypto";
import { deployRole, TestClock } from "@tagc/testkit";
import { SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { type Harness, PUBLIC_BASE_URL } from "../harness";
import { issueLink, pagePath, pendingClient } from "../support/onboarding";
import { TEST_ONBOARDING_LINK_SECRET, TEST_TEMPLATE_URL } from "../support/operator-env";
import { useHarness } from "../support/use-harness";

const HOUR = 3_600_000;

interface StatusBody {
  status: string;
  error: { code: string; message: string; fix: string | null } | null;
  checked_at: string | null;
}

const forge = (claims: Record<string, unknown>, secret = TEST_ONBOARDING_LINK_SECRET, exp = "1h") =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setJti(randomBytes(8).toString("hex"))
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));

describe("onboarding page (postgres)", () => {
  const clock = new TestClock();
  const harness = useHarness({ kind: "postgres", now: clock.now });

  test("shows the client's name, External ID, the Launch stack link and the permissions, with strict headers", async () => {
    const h = harness();
    const link = await issueLink(h, h.acme.id);
    const response = await h.request<string>("GET", pagePath(link), { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = response.body;
    expect(page).toContain(`<h1 id="client-name">${h.acme.name}</h1>`);
    expect(page).toContain(`<code id="external-id">${h.acme.externalId}</code>`);
    const href = /<a id="launch" class="launch" href="([^"]+)"/.exec(page)?.[1]?.replaceAll("&amp;", "&");
    expect(href).toBeDefined();
    const launch = new URL(href ?? "");
    expect(launch.origin + launch.pathname).toBe("https://console.aws.amazon.com/cloudformation/home");
    expect(launch.searchParams.get("region")).toBe("us-east-1");
    const fragment = new URLSearchParams(launch.hash.replace(/^#\/stacks\/quickcreate\?/, ""));
    expect(fragment.get("templateURL")).toBe(TEST_TEMPLATE_URL);
    expect(fragment.get("param_ExternalId")).toBe(h.acme.externalId);
    expect(fragment.get("param_RoleName")).toBe(h.acme.roleName);
    expect(page).toContain('<option value="eu-west-1" >Europe (Ireland) (eu-west-1)</option>');
    expect(page).toContain("read a bucket&#39;s tags (never its objects)");
    expect(page).toContain("It cannot create, change, tag, untag or delete anything in your account.");
    // Connected already (the harness verified it): the Claude instructions are shown, the key is not.
    expect(page).toContain('<section id="claude" >');
    expect(page).toContain(`${PUBLIC_BASE_URL}/mcp`);
    expect(page).toContain("claude mcp add --transport http tag-compliance");
    expect(page).toContain("mcp-remote");
    expect(page).not.toContain(h.acme.apiKey);
    expect(page).not.toContain("tagc_live_");

    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page).toContain(`<script nonce="${nonce}">`);
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    // The token is a bearer credential: the request log keeps the route, never the token.
    const token = pagePath(link).slice("/onboard/".length);
    expect(h.logs.lines.join("\n")).not.toContain(token);
    expect(h.logs.lines.join("\n")).toContain('"path":"/onboard/:token"');
    // A fresh nonce per response.
    const again = await h.request<string>("GET", pagePath(link), { token: null });
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  test("two tenants: each link shows only its own client, on the page and the status endpoint", async () => {
    const h = harness();
    const [acme, globex] = [await issueLink(h, h.acme.id), await issueLink(h, h.globex.id)];
    for (const [link, own, other] of [
      [acme, h.acme, h.globex],
      [globex, h.globex, h.acme],
    ] as const) {
      const page = await h.request<string>("GET", pagePath(link), { token: null });
      expect(page.body).toContain(own.name);
      for (const marker of [
        other.name,
        other.externalId,
        other.id,
        other.roleName,
        other.apiKey,
        own.apiKey,
      ]) {
        expect(page.body).not.toContain(marker);
      }
      const status = await h.request<StatusBody>("GET", `${pagePath(link)}/status`, { token: null });
      expect(status.status).toBe(200);
      expect(Object.keys(status.body).sort()).toEqual(["checked_at", "error", "status"]);
      expect(status.body.status).toBe("connected");
      for (const marker of [other.name, other.externalId, other.id, own.externalId]) {
        expect(status.text).not.toContain(marker);
      }
    }
  });

  test("an escaped client name: markup in the name renders as text", async () => {
    const h = harness();
    const client = await pendingClient(h, `<img src=x onerror=alert(1)> & "Co"`);
    const page = await h.request<string>("GET", pagePath(await issueLink(h, client.id)), { token: null });
    expect(page.body).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;");
    expect(page.body).not.toContain("<img src=x");
  });

  test("an expired link is a 410 page with no client data; the status endpoint agrees", async () => {
    const h = harness();
    const link = await issueLink(h, h.acme.id, { expires_in_hours: 1 });
    clock.advance(HOUR + 1_000);
    try {
      const page = await h.request<string>("GET", pagePath(link), { token: null });
      expect(page.status).toBe(410);
      expect(page.body).toContain("This onboarding link has expired");
      for (const marker of [h.acme.name, h.acme.externalId, h.acme.id])
        expect(page.body).not.toContain(marker);
      expect(page.headers.get("cache-control")).toBe("no-store");
      const status = await h.request<{ error: { code: string; message: string } }>(
        "GET",
        `${pagePath(link)}/status`,
        {
          token: null,
        },
      );
      expect(status.status).toBe(410);
      expect(status.body.error.message).toBe(
        "this onboarding link has expired; ask your provider for a new one",
      );
    } finally {
      clock.reset();
    }
  });

  test.each<[string, (h: Harness) => Promise<string>]>([
    ["signed with another secret", (h) => forge({ sub: h.acme.id, purpose: "onboard" }, "x".repeat(40))],
    ["for another purpose", (h) => forge({ sub: h.acme.id, purpose: "admin" })],
    ["without a client", () => forge({ purpose: "onboard" })],
    ["for an unknown client", () => forge({ sub: "cli_00000000000000000000000000", purpose: "onboard" })],
    ["expired and forged", (h) => forge({ sub: h.acme.id, purpose: "onboard" }, "y".repeat(40), "-1h")],
    [
      "of globex, its client swapped for acme's",
      async (h) => swapClient(await linkToken(h, h.globex.id), h.acme.id),
    ],
    ["that is an admin JWT", (h) => h.jwt()],
    ["malformed", async () => "not.a-token"],
    ["of markup", async () => "%3Cscript%3E"],
  ])("a token %s is a 404 page that shows no client data", async (_name, make) => {
    const h = harness();
    const path = `/onboard/${await make(h)}`;
    const page = await h.request<string>("GET", path, { token: null });
    expect(page.status).toBe(404);
    expect(page.body).toContain("This onboarding link is not valid");
    for (const tenant of h.tenants) {
      for (const marker of [tenant.name, tenant.externalId, tenant.id])
        expect(page.body).not.toContain(marker);
    }
    const status = await h.request<string>("GET", `${path}/status`, { token: null });
    expect(status.status).toBe(404);
    for (const tenant of h.tenants) expect(status.text).not.toContain(tenant.name);
  });

  test("a deleted client's link is a 404", async () => {
    const h = harness();
    const client = await pendingClient(h, "Offboarded Ltd");
    const link = await issueLink(h, client.id);
    expect((await h.request("DELETE", `/v1/clients/${client.id}`)).status).toBe(200);
    const page = await h.request<string>("GET", pagePath(link), { token: null });
    expect(page.status).toBe(404);
    expect(page.body).not.toContain("Offboarded Ltd");
  });

  test("the status endpoint verifies a pending client at most every 10 s, and turns connected once the role exists", async () => {
    const h = harness();
    const client = await pendingClient(h, "Initech");
    const link = await issueLink(h, client.id);
    const statusPath = `${pagePath(link)}/status`;
    const poll = async () => (await h.request<StatusBody>("GET", statusPath, { token: null })).body;

    const first = await poll();
    expect(first.status).toBe("pending");
    expect(first.error?.code).toBe("ACCESS_DENIED");
    expect(first.error?.fix).toContain("Re-deploy the stack");
    expect(first.checked_at).toBe(clock.now().toISOString());

    await deployRole(h.sandbox, client);
    // Within 10 s of the last check nothing is re-verified: the answer is the recorded one.
    clock.advance(5_000);
    const throttled = await poll();
    expect(throttled).toEqual(first);

    clock.advance(5_000);
    const connected = await poll();
    expect(connected).toMatchObject({
      status: "connected",
      error: null,
      checked_at: clock.now().toISOString(),
    });
    const page = await h.request<string>("GET", pagePath(link), { token: null });
    expect(page.body).toContain('data-status="connected"');
    expect(page.body).toContain('<section id="claude" >');
  });
});

const linkToken = async (h: Harness, clientId: string) =>
  pagePath(await issueLink(h, clientId)).slice("/onboard/".length);

/** A genuine token with its payload's client replaced: the signature no longer matches. */
function swapClient(token: string, clientId: string): string {
  const [header, payload, signature] = token.split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
  return [
    header,
    Buffer.from(JSON.stringify({ ...claims, sub: clientId })).toString("base64url"),
    signature,
  ].join(".");
}
