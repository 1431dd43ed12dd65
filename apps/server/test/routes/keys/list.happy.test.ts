import { authenticateApiKey } from "@tagc/services";
import { TestClock } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { KeyList } from "../../support/api-types";
import { KEY_FIELDS } from "../../support/matchers";
import { issueScratchKey } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");

describe.each(KINDS)("listApiKeys (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });

  test("the tenant's own keys only, oldest first, without secrets or hashes", async () => {
    const h = harness();
    const extra = await issueScratchKey(h, h.acme.id, { scopes: ["mcp:read"] });
    const response = await h.request<KeyList>("GET", `/v1/clients/${h.acme.id}/api-keys`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((k) => k.id)).toEqual([h.acme.keyId, extra.id]);
    expect(response.body.data[0]).toMatchObject({
      id: h.acme.keyId,
      name: "acme-harness",
      prefix: h.acme.apiKey.slice(0, 16),
      scopes: ["mcp:tools"],
      state: "active",
    });
    for (const key of response.body.data) expect(Object.keys(key).sort()).toEqual(KEY_FIELDS);
    expect(response.text).not.toContain(h.acme.apiKey);
    expect(response.text).not.toContain(extra.secret);
    expect(response.text).not.toContain(h.globex.keyId);
  });

  test("shows each key's state: active, rotating, revoked", async () => {
    const h = harness();
    const revoked = await issueScratchKey(h, h.globex.id);
    const rotated = await issueScratchKey(h, h.globex.id);
    await h.request("DELETE", `/v1/clients/${h.globex.id}/api-keys/${revoked.id}`);
    await h.request("POST", `/v1/clients/${h.globex.id}/api-keys/${rotated.id}/rotate`, {
      body: { overlap_seconds: 60 },
    });
    const response = await h.request<KeyList>("GET", `/v1/clients/${h.globex.id}/api-keys`);
    const states = Object.fromEntries(response.body.data.map((k) => [k.id, k.state]));
    expect(states[h.globex.keyId]).toBe("active");
    expect(states[revoked.id]).toBe("revoked");
    expect(states[rotated.id]).toBe("rotating");
    const successor = response.body.data.find((k) => k.rotated_from_id === rotated.id);
    expect(successor?.state).toBe("active");
  });

  test("last_used_at follows use, written at most once a minute", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.acme.id);
    const lastUsed = async () =>
      (await h.request<KeyList>("GET", `/v1/clients/${h.acme.id}/api-keys`)).body.data.find(
        (k) => k.id === key.id,
      )?.last_used_at;
    expect(await lastUsed()).toBeNull();
    await authenticateApiKey(h.db, key.secret, new Date("2026-11-21T12:00:00.000Z"));
    expect(await lastUsed()).toBe("2026-11-21T12:00:00.000Z");
    await authenticateApiKey(h.db, key.secret, new Date("2026-11-21T12:00:59.000Z"));
    expect(await lastUsed()).toBe("2026-11-21T12:00:00.000Z");
    await authenticateApiKey(h.db, key.secret, new Date("2026-11-21T12:01:30.000Z"));
    expect(await lastUsed()).toBe("2026-11-21T12:01:30.000Z");
  });
});
