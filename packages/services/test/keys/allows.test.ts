// The scope model: mcp:tools is the full scope and includes what mcp:read allows; mcp:read alone
// never allows a change.
import { describe, expect, it } from "vitest";
import { keyAllows } from "../../src/keys/allows";

describe("keyAllows", () => {
  it.each([
    [["mcp:tools"], "mcp:read", true],
    [["mcp:tools"], "mcp:tools", true],
    [["mcp:read"], "mcp:read", true],
    [["mcp:read"], "mcp:tools", false],
    [[], "mcp:read", false],
    [["mcp:tools"], "admin", false],
  ] as const)("%j allows %s: %s", (scopes, scope, allowed) => {
    expect(keyAllows(scopes, scope)).toBe(allowed);
  });
});
