// API keys at the services level: issue, list, revoke, rotate, and what authenticateApiKey answers
// for every kind of secret, with two tenants side by side.
import { apiKeys, clients } from "@tagc/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, HOUR, KINDS, MINUTE, serviceError, useHarness } from "./harness";
import {
  authenticateApiKey,
  deleteClient,
  generateApiKey,
  hashApiKey,
  hasValidChecksum,
  issueApiKey,
  KEY_PREFIX,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
} from "./verbs";

describe.each(KINDS)("API keys on %s", (kind) => {
  const harness = useHarness(kind);

  async function twoTenants() {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    return { h, acme, globex };
  }

  const issue = async (
    clientId: string,
    input: Parameters<typeof issueApiKey>[0]["input"] = { name: "ci" },
  ) => issueApiKey({ ctx: await harness().ctxFor(clientId), input });
  const authenticate = (secret: string, now = harness().clock.now()) =>
    authenticateApiKey(harness().db, secret, now);

  it("shows the secret once, stores only its SHA-256, and lists keys without secrets", async () => {
    const { h, acme, globex } = await twoTenants();
    const key = await issue(acme.id, { name: "ci", scopes: ["mcp:tools", "mcp:read"] });
    expect(key.secret.startsWith(KEY_PREFIX)).toBe(true);
    expect(hasValidChecksum(key.secret)).toBe(true);
    expect(key).toMatchObject({ name: "ci", scopes: ["mcp:tools", "mcp:read"], state: "active" });
    expect(key.prefix).toBe(key.secret.slice(0, KEY_PREFIX.length + 6));

    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row?.secretHash).toBe(hashApiKey(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);

    const other = await issue(globex.id, { name: "globex-ci" });
    const listed = await listApiKeys({ ctx: await h.ctxFor(acme.id) });
    expect(listed.data.map((k) => k.id)).toEqual([key.id]);
    expect(listed.data[0]).not.toHaveProperty("secret");
    const text = JSON.stringify(listed);
    expect(text).not.toContain(key.secret);
    expect(text).not.toContain(hashApiKey(key.secret));
    expect(text).not.toContain(other.id);
    expect((await listApiKeys({ ctx: await h.ctxFor(globex.id) })).data.map((k) => k.id)).toEqual([other.id]);

    // The key resolves to its own tenant, and records its use at most once a minute.
    const auth = await authenticate(key.secret);
    expect(auth).toMatchObject({ ok: true, client: { id: acme.id }, key: { id: key.id } });
    expect((await listApiKeys({ ctx: await h.ctxFor(acme.id) })).data[0]?.last_used_at).toBe(
      h.clock.now().toISOString(),
    );
    const firstUse = h.clock.now();
    await authenticate(key.secret, h.clock.advance(30_000));
    expect((await h.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]?.lastUsedAt).toEqual(
      firstUse,
    );
    await authenticate(key.secret, h.clock.advance(31_000));
    expect((await h.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]?.lastUsedAt).toEqual(
      h.clock.now(),
    );
    expect(await authenticate(other.secret)).toMatchObject({ ok: true, client: { id: globex.id } });

    const audit = await h.auditRows(acme.id, "api_keys.issue");
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(key.secret);
  });

  it("refuses a past expiry", async () => {
    const { h, acme } = await twoTenants();
    const error = await serviceError(
      issue(acme.id, { name: "old", expires_at: new Date(h.clock.now().getTime() - 1_000).toISOString() }),
    );
    expect(error).toMatchObject({ code: "INVALID_REQUEST", details: { field: "expires_at" } });
  });

  it("authenticate: malformed (bad checksum) and unknown keys never reach a tenant", async () => {
    const { acme } = await twoTenants();
    const key = await issue(acme.id);
    const last = key.secret.at(-1);
    const tampered = `${key.secret.slice(0, -1)}${last === "A" ? "B" : "A"}`;
    expect(await authenticate(tampered)).toEqual({ ok: false, reason: "malformed" });
    expect(await authenticate("tagc_live_short")).toEqual({ ok: false, reason: "malformed" });
    expect(await authenticate(`Bearer ${key.secret}`)).toEqual({ ok: false, reason: "malformed" });
    // Well-formed, valid checksum, but never issued.
    expect(await authenticate(generateApiKey())).toEqual({ ok: false, reason: "unknown" });
  });

  it("authenticate: revoked at once, expired after its expiry", async () => {
    const { h, acme, globex } = await twoTenants();
    const revoked = await issue(acme.id, { name: "revoked" });
    const expiring = await issue(acme.id, {
      name: "expiring",
      expires_at: new Date(h.clock.now().getTime() + HOUR).toISOString(),
    });
    const globexKey = await issue(globex.id);

    const view = await revokeApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: revoked.id } });
    expect(view).toMatchObject({ id: revoked.id, state: "revoked", revoked_at: h.clock.now().toISOString() });
    expect(await authenticate(revoked.secret)).toEqual({ ok: false, reason: "revoked" });
    // Revoking again is harmless and keeps the first revocation time.
    h.clock.advance(MINUTE);
    expect(await revokeApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: revoked.id } })).toMatchObject(
      {
        revoked_at: view.revoked_at,
      },
    );

    expect(await authenticate(expiring.secret)).toMatchObject({ ok: true });
    h.clock.advance(HOUR);
    expect(await authenticate(expiring.secret)).toEqual({ ok: false, reason: "expired" });
    expect((await listApiKeys({ ctx: await h.ctxFor(acme.id) })).data.map((k) => k.state)).toEqual([
      "revoked",
      "expired",
    ]);
    // Nothing of Acme's touched Globex's key.
    expect(await authenticate(globexKey.secret)).toMatchObject({ ok: true, client: { id: globex.id } });
  });

  it("rotation: the old secret works through the overlap, then stops; the new one keeps working", async () => {
    const { h, acme, globex } = await twoTenants();
    const old = await issue(acme.id, { name: "prod", scopes: ["mcp:read"] });
    const globexKey = await issue(globex.id);
    const rotated = await rotateApiKey({
      ctx: await h.ctxFor(acme.id),
      input: { key_id: old.id, overlap_seconds: 600 },
    });
    expect(rotated).toMatchObject({
      name: "prod",
      scopes: ["mcp:read"],
      state: "active",
      rotated_from_id: old.id,
    });
    expect(rotated.secret).not.toBe(old.secret);
    expect(rotated.previous).toMatchObject({
      id: old.id,
      state: "rotating",
      grace_expires_at: new Date(h.clock.now().getTime() + 600_000).toISOString(),
    });
    // A rotating key cannot be rotated again.
    expect(
      await serviceError(
        rotateApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: old.id, overlap_seconds: 60 } }),
      ),
    ).toMatchObject({ code: "CONFLICT" });

    h.clock.advance(599_000);
    expect(await authenticate(old.secret)).toMatchObject({ ok: true, key: { id: old.id } });
    expect(await authenticate(rotated.secret)).toMatchObject({ ok: true, key: { id: rotated.id } });
    h.clock.advance(1_000);
    expect(await authenticate(old.secret)).toEqual({ ok: false, reason: "revoked" });
    expect(await authenticate(rotated.secret)).toMatchObject({ ok: true, client: { id: acme.id } });
    expect(await authenticate(globexKey.secret)).toMatchObject({ ok: true });
    const states = (await listApiKeys({ ctx: await h.ctxFor(acme.id) })).data.map((k) => [k.id, k.state]);
    expect(states).toEqual([
      [old.id, "revoked"],
      [rotated.id, "active"],
    ]);
    expect(await h.auditRows(acme.id, "api_keys.rotate")).toEqual([
      expect.objectContaining({ params: { key_id: old.id, new_key_id: rotated.id, overlap_seconds: 600 } }),
    ]);
  });

  it("a key is rotated once, even by two concurrent requests", async () => {
    const { h, acme } = await twoTenants();
    const old = await issue(acme.id);
    const outcomes = await Promise.allSettled(
      [0, 1].map(async () =>
        rotateApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: old.id, overlap_seconds: 60 } }),
      ),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    const keys = (await listApiKeys({ ctx: await h.ctxFor(acme.id) })).data;
    expect(keys.filter((k) => k.rotated_from_id === old.id)).toHaveLength(1);
  });

  it("another tenant's key id is NOT_FOUND for revoke and rotate, and stays untouched", async () => {
    const { h, acme, globex } = await twoTenants();
    const acmeKey = await issue(acme.id);
    const globexCtx = await h.ctxFor(globex.id);
    expect(await serviceError(revokeApiKey({ ctx: globexCtx, input: { key_id: acmeKey.id } }))).toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    expect(
      await serviceError(
        rotateApiKey({ ctx: globexCtx, input: { key_id: acmeKey.id, overlap_seconds: 60 } }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await serviceError(revokeApiKey({ ctx: globexCtx, input: { key_id: "key_nope" } }))).toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    expect(await authenticate(acmeKey.secret)).toMatchObject({ ok: true, client: { id: acme.id } });
    expect((await listApiKeys({ ctx: globexCtx })).data).toEqual([]);
    expect(await h.auditRows(globex.id, "api_keys.revoke")).toEqual([]);
  });

  it("authenticate: client_deleted for a live key of an offboarded client; offboarding revokes keys", async () => {
    const { h, acme, globex } = await twoTenants();
    const acmeKey = await issue(acme.id);
    const globexKey = await issue(globex.id);
    // A key that escaped revocation (say, issued by a request racing the offboarding) is still refused.
    await h.db
      .update(clients)
      .set({ status: "deleted", deletedAt: h.clock.now() })
      .where(eq(clients.id, globex.id));
    expect(await authenticate(globexKey.secret)).toEqual({ ok: false, reason: "client_deleted" });

    await deleteClient({ ctx: await h.ctxFor(acme.id) });
    expect(await authenticate(acmeKey.secret)).toEqual({ ok: false, reason: "revoked" });
    // No new key for an offboarded client.
    expect(await serviceError(issue(acme.id))).toMatchObject({ code: "CONFLICT" });
  });
});
