// The MCP edge's cache of accepted API keys (keys/cache.ts): a key revoked, rotated or offboarded on
// this replica is refused on the very next request; on another replica (a revocation this process did
// not make) within the TTL, the stated bound; expiry holds on time whatever is cached; and one
// tenant's cached key never answers for another's.
import type { ServiceDeps } from "@tagc/services";
import { describe, expect, it } from "vitest";
import { ApiKeyCache } from "../src/keys/cache";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, KINDS, useHarness } from "./harness";
import { authenticateApiKey, deleteClient, issueApiKey, revokeApiKey, rotateApiKey } from "./verbs";

describe.each(KINDS)("the API key cache on %s", (kind) => {
  const harness = useHarness(kind);

  /** A cache on a clock of its own (ms), so a test moves its TTL without moving the services clock. */
  function setup(ttlMs = 60_000) {
    const h = harness();
    let t = 0;
    const cache = new ApiKeyCache(ttlMs, { clock: () => t });
    const authenticate = (secret: string) => authenticateApiKey(h.db, secret, h.clock.now(), cache);
    /** A ctx of this replica: its writes forget the cache's entries. */
    const here = async (clientId: string) => {
      const ctx = await h.ctxFor(clientId);
      const deps: ServiceDeps = { ...ctx.deps, keys: cache };
      return { ...ctx, deps };
    };
    return { h, cache, authenticate, here, tick: (ms: number) => (t += ms) };
  }

  async function twoTenants(h: ReturnType<typeof harness>) {
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    const issue = async (clientId: string) =>
      issueApiKey({ ctx: await h.ctxFor(clientId), input: { name: "ci" } });
    return { acme, globex, acmeKey: await issue(acme.id), globexKey: await issue(globex.id) };
  }

  it("serves a cached key without a read, and refuses it right after a revoke on this replica", async () => {
    const { h, authenticate, here } = setup();
    const { acme, acmeKey, globexKey } = await twoTenants(h);
    expect(await authenticate(acmeKey.secret)).toMatchObject({ ok: true, client: { id: acme.id } });
    // A read after this would still find the key: the cache answers, with the same key and client.
    expect(await authenticate(acmeKey.secret)).toMatchObject({ ok: true, key: { id: acmeKey.id } });
    await authenticate(globexKey.secret);
    await revokeApiKey({ ctx: await here(acme.id), input: { key_id: acmeKey.id } });
    expect(await authenticate(acmeKey.secret)).toEqual({ ok: false, reason: "revoked" });
    // The other tenant's key is untouched.
    expect(await authenticate(globexKey.secret)).toMatchObject({ ok: true, key: { id: globexKey.id } });
  });

  it("refuses a key revoked on another replica on the next request, through the shared epoch", async () => {
    const h = harness();
    const { acme, globex, acmeKey, globexKey } = await twoTenants(h);
    // Two replicas' key caches over one shared epoch (the shared cache's, in a deployment).
    const epochs = new Map<string, number>();
    const epochOf = async (id: string) => epochs.get(id) ?? 0;
    const changed = async (id: string) => void epochs.set(id, (epochs.get(id) ?? 0) + 1);
    const [a, b] = [new ApiKeyCache(60_000, { epochOf }), new ApiKeyCache(60_000, { epochOf })];
    const on = (cache: ApiKeyCache, secret: string) => authenticateApiKey(h.db, secret, h.clock.now(), cache);
    for (const cache of [a, b]) {
      expect(await on(cache, acmeKey.secret)).toMatchObject({ ok: true });
      expect(await on(cache, globexKey.secret)).toMatchObject({ ok: true });
    }
    const ctx = await h.ctxFor(acme.id);
    const { tenantData } = ctx.deps;
    const onA = {
      ...ctx,
      deps: {
        ...ctx.deps,
        keys: a,
        tenantData: {
          purge: tenantData.purge.bind(tenantData),
          revoke: tenantData.revoke.bind(tenantData),
          changed,
        },
      },
    };
    await revokeApiKey({ ctx: onA, input: { key_id: acmeKey.id } });
    expect(await on(b, acmeKey.secret)).toEqual({ ok: false, reason: "revoked" });
    // Only Acme's epoch moved: B still trusts Globex's key from memory.
    expect(epochs.get(globex.id)).toBeUndefined();
    expect(await on(b, globexKey.secret)).toMatchObject({ ok: true, client: { id: globex.id } });
  });

  it("answers concurrent first requests (one shared read per key) each with its own tenant", async () => {
    const { h, authenticate } = setup();
    const { acme, globex, acmeKey, globexKey } = await twoTenants(h);
    const revoked = await issueApiKey({ ctx: await h.ctxFor(acme.id), input: { name: "old" } });
    await revokeApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: revoked.id } });
    const secrets = Array.from({ length: 30 }, (_, i) => [acmeKey, globexKey, revoked][i % 3]!.secret);
    const results = await Promise.all(secrets.map((secret) => authenticate(secret)));
    results.forEach((result, i) => {
      if (i % 3 === 2) expect(result).toEqual({ ok: false, reason: "revoked" });
      else
        expect(result).toMatchObject({
          ok: true,
          client: { id: i % 3 === 0 ? acme.id : globex.id },
          key: { id: i % 3 === 0 ? acmeKey.id : globexKey.id },
        });
    });
  });

  it("without a shared epoch, sees another replica's revocation within the TTL, not before", async () => {
    const { h, authenticate, tick } = setup(2_000);
    const { acme, acmeKey } = await twoTenants(h);
    expect(await authenticate(acmeKey.secret)).toMatchObject({ ok: true });
    // Revoked through a ctx without this cache: another replica's request.
    await revokeApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: acmeKey.id } });
    tick(1_999);
    expect(await authenticate(acmeKey.secret)).toMatchObject({ ok: true });
    tick(1);
    expect(await authenticate(acmeKey.secret)).toEqual({ ok: false, reason: "revoked" });
  });

  it("ends a rotated key's grace on time, and refuses an offboarded client's keys at once", async () => {
    const { h, authenticate, here } = setup();
    const { acme, globex, acmeKey, globexKey } = await twoTenants(h);
    await authenticate(acmeKey.secret);
    await rotateApiKey({ ctx: await here(acme.id), input: { key_id: acmeKey.id, overlap_seconds: 60 } });
    expect(await authenticate(acmeKey.secret)).toMatchObject({ ok: true });
    // The services clock passes the grace while the cache's entry is still fresh.
    h.clock.advance(60_000);
    expect(await authenticate(acmeKey.secret)).toEqual({ ok: false, reason: "revoked" });

    expect(await authenticate(globexKey.secret)).toMatchObject({ ok: true });
    await deleteClient({ ctx: await here(globex.id) });
    expect(await authenticate(globexKey.secret)).toEqual({ ok: false, reason: "revoked" });
  });

  it("keeps no refused key, and a TTL of 0 keeps nothing", async () => {
    const { h, cache, authenticate } = setup();
    const { acme, acmeKey } = await twoTenants(h);
    await revokeApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: acmeKey.id } });
    expect(await authenticate(acmeKey.secret)).toEqual({ ok: false, reason: "revoked" });
    cache.forgetClient(acme.id);
    const off = new ApiKeyCache(0);
    const fresh = await issueApiKey({ ctx: await h.ctxFor(acme.id), input: { name: "new" } });
    expect(await authenticateApiKey(h.db, fresh.secret, h.clock.now(), off)).toMatchObject({ ok: true });
    await revokeApiKey({ ctx: await h.ctxFor(acme.id), input: { key_id: fresh.id } });
    expect(await authenticateApiKey(h.db, fresh.secret, h.clock.now(), off)).toEqual({
      ok: false,
      reason: "revoked",
    });
  });
});
