// The onboarding link's token on its own: what verifies, and how each bad token is refused (one
// message for every forgery; "expired" only for a genuine token past its exp).
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { ServiceError } from "../src/errors";
import { signLinkToken, verifyLinkToken } from "../src/onboarding/link-token";

const SECRET = "link-token-test-secret-0123456789abcdef";
const NOW = new Date("2026-12-01T12:00:00.000Z");
const CLIENT = "cli_01jd3k7w9m2x4q8v6r5t0b1c2d";
const HOUR = 3_600_000;

async function refusal(token: string, now = NOW, secret = SECRET) {
  try {
    await verifyLinkToken({ secret, token, now });
  } catch (error) {
    if (error instanceof ServiceError)
      return { code: error.code, message: error.message, reason: error.details?.reason };
    throw error;
  }
  throw new Error("expected a refusal");
}

const INVALID = { code: "NOT_FOUND", message: "this onboarding link is not valid", reason: "invalid_link" };

describe("onboarding link token", () => {
  it("verifies its own token until exp, with the client, purpose and jti", async () => {
    const { token, jti } = await signLinkToken({
      secret: SECRET,
      clientId: CLIENT,
      now: NOW,
      expiresAt: new Date(NOW.getTime() + HOUR),
    });
    const claims = await verifyLinkToken({
      secret: SECRET,
      token,
      now: new Date(NOW.getTime() + HOUR - 1_000),
    });
    expect(claims).toEqual({ sub: CLIENT, purpose: "onboard", jti, exp: NOW.getTime() / 1000 + 3600 });
  });

  it("is expired at exp, by the services clock", async () => {
    const { token } = await signLinkToken({
      secret: SECRET,
      clientId: CLIENT,
      now: NOW,
      expiresAt: new Date(NOW.getTime() + HOUR),
    });
    expect(await refusal(token, new Date(NOW.getTime() + HOUR))).toEqual({
      code: "NOT_FOUND",
      message: "this onboarding link has expired; ask your provider for a new one",
      reason: "expired_link",
    });
  });

  it("refuses another secret's token as not valid, even when it is also expired", async () => {
    const { token } = await signLinkToken({
      secret: SECRET,
      clientId: CLIENT,
      now: NOW,
      expiresAt: new Date(NOW.getTime() + HOUR),
    });
    expect(await refusal(token, NOW, `${SECRET}x`)).toEqual(INVALID);
    expect(await refusal(token, new Date(NOW.getTime() + 2 * HOUR), `${SECRET}x`)).toEqual(INVALID);
  });

  it.each([
    ["another purpose", { sub: CLIENT, purpose: "admin" }],
    ["no purpose", { sub: CLIENT }],
    ["a subject that is not a client id", { sub: "key_01jd3k7w9m2x4q8v6r5t0b1c2d", purpose: "onboard" }],
  ])("refuses a correctly signed token with %s", async (_name, claims) => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setJti("j1")
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) + 600)
      .sign(new TextEncoder().encode(SECRET));
    expect(await refusal(token)).toEqual(INVALID);
  });

  it.each(["", "abc", "a.b", "a.b.c.d", "<script>.x.y", "x".repeat(3000)])(
    "refuses the malformed token %#",
    async (token) => {
      expect(await refusal(token)).toEqual(INVALID);
    },
  );
});
