import { authenticateApiKey } from "@tagc/services";
import { TestClock } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { AuditList, RotatedKey } from "../../support/api-types";
import { anId, SECRET } from "../../support/matchers";
import { issueScratchKey } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe.each(KINDS)("rotateApiKey (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });

  test("a new secret; the old one keeps working until overlap_seconds, then stops", async () => {
    const h = harness();
    const old = await issueScratchKey(h, h.acme.id, { name: "laptop", scopes: ["mcp:read"] });
    const response = await h.request<RotatedKey>(
      "POST",
      `/v1/clients/${h.acme.id}/api-keys/${old.id}/rotate`,
      {
        body: { overlap_seconds: 3600 },
      },
    );
    expect(response.status).toBe(201);
    const rotated = response.body;
    expect(rotated).toMatchObject({
      id: anId("key"),
      name: "laptop",
      scopes: ["mcp:read"],
      state: "active",
      rotated_from_id: old.id,
      secret: expect.stringMatching(SECRET),
      previous: { id: old.id, state: "rotating", grace_expires_at: at(3600).toISOString(), revoked_at: null },
    });
    expect(rotated.secret).not.toBe(old.secret);
    expect(rotated.prefix).toBe(rotated.secret.slice(0, 16));
    expect(JSON.stringify(rotated.previous)).not.toContain(old.secret);

    const works = async (secret: string, when: Date) => (await authenticateApiKey(h.db, secret, when)).ok;
    expect(await works(old.secret, at(0))).toBe(true);
    expect(await works(old.secret, at(3599))).toBe(true);
    expect(await authenticateApiKey(h.db, old.secret, at(3600))).toEqual({ ok: false, reason: "revoked" });
    expect(await works(rotated.secret, at(0))).toBe(true);
    expect(await works(rotated.secret, at(3600))).toBe(true);
    expect(await works(rotated.secret, at(30 * 86_400))).toBe(true);
  });

  test("the list shows the old key rotating, then revoked once the overlap has passed", async () => {
    const h = harness();
    const old = await issueScratchKey(h, h.globex.id);
    await h.request("POST", `/v1/clients/${h.globex.id}/api-keys/${old.id}/rotate`, {
      body: { overlap_seconds: 60 },
    });
    const state = async () =>
      (
        await h.request<{ data: { id: string; state: string }[] }>(
          "GET",
          `/v1/clients/${h.globex.id}/api-keys`,
        )
      ).body.data.find((k) => k.id === old.id)?.state;
    expect(await state()).toBe("rotating");
    clock.advance(60_000);
    try {
      expect(await state()).toBe("revoked");
    } finally {
      clock.set(NOW);
    }
  });

  test("without a body the overlap is one day", async () => {
    const h = harness();
    const old = await issueScratchKey(h, h.acme.id);
    const response = await h.request<RotatedKey>(
      "POST",
      `/v1/clients/${h.acme.id}/api-keys/${old.id}/rotate`,
    );
    expect(response.status).toBe(201);
    expect(response.body.previous.grace_expires_at).toBe(at(86_400).toISOString());
    expect((await authenticateApiKey(h.db, old.secret, at(86_399))).ok).toBe(true);
    expect((await authenticateApiKey(h.db, old.secret, at(86_400))).ok).toBe(false);
  });

  test("an overlap of zero stops the old secret at once", async () => {
    const h = harness();
    const old = await issueScratchKey(h, h.acme.id);
    const response = await h.request<RotatedKey>(
      "POST",
      `/v1/clients/${h.acme.id}/api-keys/${old.id}/rotate`,
      {
        body: { overlap_seconds: 0 },
      },
    );
    expect(response.body.previous.state).toBe("revoked");
    expect(await authenticateApiKey(h.db, old.secret, at(0))).toEqual({ ok: false, reason: "revoked" });
    expect((await authenticateApiKey(h.db, response.body.secret, at(0))).ok).toBe(true);
  });

  test("rotation is audited with both key ids and the overlap", async () => {
    const h = harness();
    const old = await issueScratchKey(h, h.acme.id);
    const rotated = (
      await h.request<RotatedKey>("POST", `/v1/clients/${h.acme.id}/api-keys/${old.id}/rotate`, {
        body: { overlap_seconds: 120 },
      })
    ).body;
    const audit = await h.request<AuditList>("GET", `/v1/clients/${h.acme.id}/audit?limit=1`);
    expect(audit.body.data[0]).toMatchObject({
      operation: "api_keys.rotate",
      params: { key_id: old.id, new_key_id: rotated.id, overlap_seconds: 120 },
    });
    expect(audit.text).not.toContain(rotated.secret);
  });
});
