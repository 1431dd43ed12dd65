// Session ids whose signature was checked once are remembered (session-id.ts): what is remembered
// must never let a check pass that the full check would refuse — a forged variant, another secret,
// another client or key, an expired id.
import { describe, expect, it } from "vitest";
import { issueMcpSessionId, MCP_SESSION_HOURS, verifyMcpSessionId } from "../src/mcp-sessions/session-id";

const secret = "a-session-secret-of-at-least-32-characters";
const acme = { clientId: "cli_acme", credentialId: "key_acme" };
const globex = { clientId: "cli_globex", credentialId: "key_globex" };
const now = new Date(Date.UTC(2026, 10, 10, 12));

describe("a remembered session id", () => {
  const sessionId = issueMcpSessionId({ secret, binding: acme, now });
  const verify = (overrides: Partial<Parameters<typeof verifyMcpSessionId>[0]> = {}) =>
    verifyMcpSessionId({ secret, sessionId, binding: acme, now, ...overrides });

  it("verifies again and again", () => {
    expect(verify().ok).toBe(true);
    expect(verify()).toMatchObject({ ok: true, sessionId });
  });

  it.each([
    [
      "a forged signature",
      { sessionId: `${sessionId.slice(0, -1)}${sessionId.endsWith("A") ? "B" : "A"}` },
      "forged",
    ],
    ["another secret", { secret: `${secret}-rotated` }, "forged"],
    ["another tenant's binding", { binding: globex }, "foreign"],
    ["another key of the same client", { binding: { ...acme, credentialId: "key_other" } }, "foreign"],
    [
      "an age past the lifetime",
      { now: new Date(now.getTime() + (MCP_SESSION_HOURS + 1) * 3_600_000) },
      "expired",
    ],
  ] as const)("is refused with %s", (_label, overrides, reason) => {
    expect(verify()).toMatchObject({ ok: true });
    expect(verify(overrides)).toEqual({ ok: false, reason });
    // The refusal did not unsettle the remembered genuine id.
    expect(verify()).toMatchObject({ ok: true });
  });
});
