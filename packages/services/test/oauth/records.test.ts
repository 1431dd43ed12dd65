// oidc-provider's adapter contract on both drivers: upsert/find by the presented value (stored as
// its hash, the value restored into the payload), consume, find by uid, revoke by grant, expiry,
// and the purge of expired rows.
import { oauthRecords } from "@tagc/db";
import { describe, expect, it } from "vitest";
import { oauthRecordStore, purgeExpiredOAuthRecords, storedOAuthId } from "../../src/oauth/records";
import { DATABASE_KINDS, useTestDatabase } from "../runtime/database";

describe.each(DATABASE_KINDS)("OAuth records (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("keeps a refresh token under its hash, gives it back whole, consumes it, revokes it with its grant", async () => {
    const { db } = database().handle;
    const tokens = oauthRecordStore(db, "RefreshToken");
    await tokens.upsert("rt-value-1", { jti: "rt-value-1", grantId: "g1", kind: "RefreshToken" }, 3600);
    const [row] = await db.select().from(oauthRecords);
    expect(row?.id).toBe(storedOAuthId("RefreshToken", "rt-value-1"));
    expect(JSON.stringify(row)).not.toContain("rt-value-1");
    expect(await tokens.find("rt-value-1")).toEqual({
      jti: "rt-value-1",
      grantId: "g1",
      kind: "RefreshToken",
    });
    await tokens.consume("rt-value-1");
    expect((await tokens.find("rt-value-1"))?.consumed).toEqual(expect.any(Number));
    await tokens.revokeByGrantId("g1");
    expect(await tokens.find("rt-value-1")).toBeUndefined();
  });

  it("finds a session by uid, ignores expired rows and purges them", async () => {
    const { db } = database().handle;
    const sessions = oauthRecordStore(db, "Session");
    await sessions.upsert("sess-1", { jti: "sess-1", uid: "u1", kind: "Session" }, 3600);
    expect((await sessions.findByUid("u1"))?.uid).toBe("u1");
    const past = oauthRecordStore(db, "Session", () => new Date(Date.now() - 7200_000));
    await past.upsert("sess-old", { jti: "sess-old", uid: "u-old", kind: "Session" }, 3600);
    expect(await sessions.find("sess-old")).toBeUndefined();
    expect(await purgeExpiredOAuthRecords(db, new Date())).toBe(1);
    expect(await sessions.find("sess-1")).toBeDefined();
  });

  it("keeps clients and grants under their own ids (identifiers, not credentials)", async () => {
    const { db } = database().handle;
    await oauthRecordStore(db, "Grant").upsert("grant-1", { jti: "grant-1", accountId: "a:b" }, 3600);
    const [row] = (await db.select().from(oauthRecords)).filter((r) => r.kind === "Grant");
    expect(row).toMatchObject({ id: "grant-1", grantId: "grant-1" });
  });
});
