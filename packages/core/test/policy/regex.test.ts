import { describe, expect, it } from "vitest";
import { compileTagRegex, matchesAtStart } from "../../src/policy/regex";

function regex(pattern: string): RegExp {
  const compiled = compileTagRegex(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.regex;
}

describe("matchesAtStart (Python re.match semantics)", () => {
  it.each([
    ["prod", "production", true], // need not reach the end
    ["prod$", "production", false], // authors add $ for a full match
    ["prod", "preprod", false], // must start at index 0, unlike RegExp.test
    ["prod|dev", "development", true], // alternation is anchored as a whole
    ["a|prod", "xprod", false],
    ["[0-9]{3}", "123abc", true],
    ["[0-9]{3}$", "123abc", false],
    ["", "", true],
    ["x*", "", true],
    ["x+", "", false],
    ["^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$", "jane@example.com", true],
    ["^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$", "jane@example", false],
    ["Prod", "prod", false], // case-sensitive
  ])("%s on %j -> %s", (pattern, value, expected) => {
    expect(matchesAtStart(regex(pattern), value)).toBe(expected);
  });

  it("does not carry state from one call to the next", () => {
    const r = regex("ab");
    expect(matchesAtStart(r, "abab")).toBe(true);
    expect(matchesAtStart(r, "abab")).toBe(true);
    expect(matchesAtStart(r, "ab")).toBe(true);
  });

  it("returns the cached RegExp for the same pattern", () => {
    expect(regex("same")).toBe(regex("same"));
  });

  it("keeps JavaScript escapes that Python reads the same way", () => {
    expect(matchesAtStart(regex("\\d+\\.\\w\\s\\x41\\u0042"), "12.a AB")).toBe(true);
  });

  it.each(["\\A", "\\Z", "\\a", "\\p{L}", "\\k", "\\c", "\\z"])(
    "rejects the Python/JS-ambiguous escape %s",
    (p) => {
      expect(compileTagRegex(p).ok).toBe(false);
    },
  );
});
