// Signing keys shared through the database: the first start-up creates one, every replica then
// signs with the same newest key; past the rotation age a start-up creates a successor that signs
// while the retired key stays published until its tokens are gone, then it is dropped.
import { describe, expect, it } from "vitest";
import { loadSigningKeys, publicSigningKeys } from "../../src/oauth/signing-keys";
import { DATABASE_KINDS, useTestDatabase } from "../runtime/database";

const DAY = 24 * 60 * 60 * 1000;
const policy = (now: Date) => ({ now, rotateAfterMs: 30 * DAY, retainMs: 20 * 60 * 1000 });

describe.each(DATABASE_KINDS)("OAuth signing keys (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("creates one key, shared by every later start-up; rotates past the age; drops retired keys later", async () => {
    const { db } = database().handle;
    const start = new Date();
    const first = await loadSigningKeys(db, policy(start));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kty: "EC", alg: "ES256", use: "sig" });
    expect(first[0]?.d).toBeTruthy();
    // Another replica starting a day later signs with the same key.
    const replica = await loadSigningKeys(db, policy(new Date(start.getTime() + DAY)));
    expect(replica.map((k) => k.kid)).toEqual([first[0]?.kid]);

    // Past the rotation age: a new key signs (first), the old one still verifies.
    const rotated = await loadSigningKeys(db, policy(new Date(start.getTime() + 31 * DAY)));
    expect(rotated).toHaveLength(2);
    expect(rotated[1]?.kid).toBe(first[0]?.kid);
    const published = await publicSigningKeys(db);
    expect(published.map((k) => k.kid).sort()).toEqual(rotated.map((k) => k.kid).sort());
    for (const key of published) expect(key.d).toBeUndefined();

    // Once the retired key's tokens have all expired, the next start-up drops it.
    const later = await loadSigningKeys(db, policy(new Date(start.getTime() + 32 * DAY)));
    expect(later.map((k) => k.kid)).toEqual([rotated[0]?.kid]);
  });
});
