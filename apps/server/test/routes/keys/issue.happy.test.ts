import { createHash } from "node:crypto";
import { authenticateApiKey, hasValidChecksum } from "@tagc/services";
import { TestClock } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { AuditList, IssuedKey, KeyList } from "../../support/api-types";
import { keyRow, snapshotDatabase } from "../../support/db-state";
import { anId, anIso, SECRET } from "../../support/matchers";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");

describe.each(KINDS)("issueApiKey (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });

  test("issues a key: the secret is in this response only, with a display prefix and default scope", async () => {
    const h = harness();
    const response = await h.request<IssuedKey>("POST", `/v1/clients/${h.acme.id}/api-keys`, {
      body: { name: "claude-desktop" },
    });
    expect(response.status).toBe(201);
    const { secret } = response.body;
    expect(response.body).toEqual({
      id: anId("key"),
      name: "claude-desktop",
      prefix: secret.slice(0, 16),
      scopes: ["mcp:tools"],
      state: "active",
      created_at: anIso(),
      last_used_at: null,
      expires_at: null,
      revoked_at: null,
      grace_expires_at: null,
      rotated_from_id: null,
      secret: expect.stringMatching(SECRET),
    });
    // A scanner can reject fakes offline: the checksum holds, and breaks with one character changed.
    expect(hasValidChecksum(secret)).toBe(true);
    const last = secret.at(-1) === "A" ? "B" : "A";
    expect(hasValidChecksum(`${secret.slice(0, -1)}${last}`)).toBe(false);
  });

  test("only the SHA-256 of the secret is stored, and the list never shows the secret", async () => {
    const h = harness();
    const issued = (
      await h.request<IssuedKey>("POST", `/v1/clients/${h.acme.id}/api-keys`, { body: { name: "hashed" } })
    ).body;
    const row = await keyRow(h, issued.id);
    expect(row.secretHash).toBe(createHash("sha256").update(issued.secret).digest("hex"));
    expect(row.displayPrefix).toBe(issued.prefix);
    // No column of any table holds the secret itself.
    expect(JSON.stringify(await snapshotDatabase(h))).not.toContain(issued.secret);

    const list = await h.request<KeyList>("GET", `/v1/clients/${h.acme.id}/api-keys`);
    expect(list.body.data.find((k) => k.id === issued.id)).toEqual({
      id: issued.id,
      name: "hashed",
      prefix: issued.prefix,
      scopes: ["mcp:tools"],
      state: "active",
      created_at: issued.created_at,
      last_used_at: null,
      expires_at: null,
      revoked_at: null,
      grace_expires_at: null,
      rotated_from_id: null,
    });
    expect(list.text).not.toContain(issued.secret);
    expect(list.text).not.toContain(row.secretHash);
  });

  test("the new key authenticates as its own client", async () => {
    const h = harness();
    for (const tenant of h.tenants) {
      const issued = (
        await h.request<IssuedKey>("POST", `/v1/clients/${tenant.id}/api-keys`, { body: { name: "auth" } })
      ).body;
      const auth = await authenticateApiKey(h.db, issued.secret, clock.now());
      expect(auth.ok && [auth.client.id, auth.key.id]).toEqual([tenant.id, issued.id]);
    }
  });

  test("scopes and an expiry are kept; the key stops working when it expires", async () => {
    const h = harness();
    const response = await h.request<IssuedKey>("POST", `/v1/clients/${h.globex.id}/api-keys`, {
      body: { name: "read-only", scopes: ["mcp:read"], expires_at: "2026-11-21T14:00:00+01:00" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ scopes: ["mcp:read"], expires_at: "2026-11-21T13:00:00.000Z" });
    const ok = await authenticateApiKey(h.db, response.body.secret, new Date("2026-11-21T12:59:59.999Z"));
    expect(ok.ok).toBe(true);
    const expired = await authenticateApiKey(
      h.db,
      response.body.secret,
      new Date("2026-11-21T13:00:00.000Z"),
    );
    expect(expired).toEqual({ ok: false, reason: "expired" });

    clock.advance(2 * 3_600_000);
    try {
      const list = await h.request<KeyList>("GET", `/v1/clients/${h.globex.id}/api-keys`);
      expect(list.body.data.find((k) => k.id === response.body.id)?.state).toBe("expired");
    } finally {
      clock.set(NOW);
    }
  });

  test("issuing is audited with the key id and name, never the secret", async () => {
    const h = harness();
    const issued = (
      await h.request<IssuedKey>("POST", `/v1/clients/${h.globex.id}/api-keys`, {
        body: { name: "audited", scopes: ["mcp:tools", "mcp:read"] },
      })
    ).body;
    const audit = await h.request<AuditList>("GET", `/v1/clients/${h.globex.id}/audit?limit=1`);
    expect(audit.body.data[0]).toMatchObject({
      actor: "admin",
      operation: "api_keys.issue",
      params: { key_id: issued.id, name: "audited", scopes: ["mcp:tools", "mcp:read"] },
    });
    expect(audit.text).not.toContain(issued.secret);
  });
});
