import { decodeJwt } from "jose";
import { describe, expect, test } from "vitest";
import { KINDS, PUBLIC_BASE_URL } from "../../harness";
import { auditRows } from "../../support/db-state";
import { expectError } from "../../support/expect-error";
import { issueLink } from "../../support/onboarding";
import { useHarness } from "../../support/use-harness";

describe.each(KINDS)("createOnboardingLink (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("answers a signed link under PUBLIC_BASE_URL/onboard, expiring in 72 hours by default", async () => {
    const h = harness();
    const before = Date.now();
    const link = await issueLink(h, h.acme.id);
    expect(link.url.startsWith(`${PUBLIC_BASE_URL}/onboard/`)).toBe(true);
    const token = link.url.slice(`${PUBLIC_BASE_URL}/onboard/`.length);
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: h.acme.id, purpose: "onboard", jti: link.link_id });
    const expires = new Date(link.expires_at).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(72 * 3_600_000 - 2_000);
    expect(expires - before).toBeLessThanOrEqual(72 * 3_600_000 + 2_000);
    expect((claims.exp ?? 0) * 1000).toBe(Math.floor(expires / 1000) * 1000);
    // The token carries no secret: neither the External ID nor an API key.
    expect(JSON.stringify(claims)).not.toContain(h.acme.externalId);
    expect(link.url).not.toContain("tagc_live_");
  });

  test("expires_in_hours sets the lifetime, and each issue is audited with the link id only", async () => {
    const h = harness();
    const link = await issueLink(h, h.globex.id, { expires_in_hours: 1 });
    const lifetime = new Date(link.expires_at).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(3_590_000);
    expect(lifetime).toBeLessThanOrEqual(3_600_000);
    const rows = (await auditRows(h, h.globex.id)).filter(
      (row) => row.operation === "clients.onboarding_link",
    );
    expect(rows.at(-1)).toMatchObject({
      operation: "clients.onboarding_link",
      actor: "admin",
      outcome: "ok",
      params: { expires_in_hours: 1, link_id: link.link_id },
    });
    expect(JSON.stringify(rows)).not.toContain(link.url.split("/onboard/")[1]);
    // Issuing globex's link wrote nothing for acme.
    const acme = await auditRows(h, h.acme.id);
    expect(acme.some((row) => JSON.stringify(row.params).includes(link.link_id))).toBe(false);
  });

  test("tenant A's API key cannot get tenant B's link (nor its own: it is not an admin credential)", async () => {
    const h = harness();
    for (const id of [h.globex.id, h.acme.id]) {
      const response = await h.request("POST", `/v1/clients/${id}/onboarding-link`, {
        token: h.acme.apiKey,
        body: {},
      });
      expectError(response, {
        status: 401,
        code: "UNAUTHORIZED",
        message: "The admin token is invalid or expired.",
      });
    }
  });
});
