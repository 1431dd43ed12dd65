// Hostile inputs the attack run used: NUL bytes, lone surrogates, traversal, %-encodings, huge and
// deeply nested values, numbers JSON can carry but nothing should accept.
import fc from "fast-check";

/**
 * `[[[…]]]` `depth` levels deep, built only when serialised: fast-check prints a counterexample by
 * walking it recursively, and would overflow on the value itself.
 */
export class DeepArray {
  constructor(readonly depth: number) {}
  toJSON(): unknown {
    let value: unknown = "leaf";
    for (let i = 0; i < this.depth; i++) value = [value];
    return value;
  }
  [fc.toStringMethod]() {
    return `DeepArray(${this.depth})`;
  }
}

export const deepArray = (depth: number) => new DeepArray(depth);

/** JSON text of a value holding DeepArrays, deeper than JSON.stringify itself can walk (≈ 5,000). */
export function jsonText(value: unknown): string | undefined {
  const deep: DeepArray[] = [];
  const text = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown> | undefined)?.[key];
    if (raw instanceof DeepArray) return `\u0001deep${deep.push(raw) - 1}\u0001`;
    return v;
  });
  return text?.replace(/"\\u0001deep(\d+)\\u0001"/g, (_, i: string) => {
    const { depth } = deep[Number(i)] as DeepArray;
    return `${"[".repeat(depth)}"leaf"${"]".repeat(depth)}`;
  });
}

/** `{"a":{"a":…}}` as JSON text, for bodies deeper than JSON.stringify should be asked to walk. */
export const deepObjectJson = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const nasty = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF\uD800",
  "..",
  "../../etc/passwd",
  "%00",
  "%2e%2e%2f",
  "%",
  "%zz",
  "\u202Eevil",
  "ǅ\u0301\u0308",
  "😀".repeat(50),
  "'; DROP TABLE clients; --",
  "<script>alert(1)</script>",
  "$" + "{jndi:ldap://x}",
  "__proto__",
  "constructor",
  "\r\nX-Injected: 1",
  " ",
  "",
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...nasty),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc
      .tuple(fc.constantFrom("x", "é", "\u0000", "😀"), fc.integer({ min: 200, max: 70_000 }))
      .map(([c, n]) => c.repeat(n)),
  );

export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(-1, 0, -0, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 0.5, 1e-320),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
  );

/** Any JSON value a client could send in place of a field. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    hostileString(),
    hostileNumber(),
    fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { admin: true } }),
    fc.array(hostileString(), { maxLength: 5 }),
    fc.integer({ min: 1, max: 3_000 }).map(deepArray),
    fc.jsonValue({ maxDepth: 3 }),
  );

/** A path segment as it goes on the wire: encoded hostile text, or raw traversal and %-sequences. */
export const hostileSegment = (): fc.Arbitrary<string> =>
  fc.oneof(
    hostileString().map((s) => encodeURIComponent(toWellFormed(s))),
    fc.constantFrom(
      "%00",
      "a%00b",
      "..",
      "%2e%2e",
      "%2F",
      "..%2F..%2Fetc",
      "%ff",
      "%c0%ae",
      "%u0000",
      "cli_%00",
    ),
    fc.string({ unit: "grapheme", maxLength: 300 }).map((s) => encodeURIComponent(toWellFormed(s))),
    fc.integer({ min: 65, max: 10_000 }).map((n) => "a".repeat(n)),
  );

/** encodeURIComponent throws on lone surrogates; the wire form of those is the replacement character. */
const toWellFormed = (s: string) =>
  s.replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => {
    const code = c.charCodeAt(0);
    const next = all.charCodeAt(i + 1);
    const prev = all.charCodeAt(i - 1);
    if (code < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) return c;
    if (code >= 0xdc00 && prev >= 0xd800 && prev < 0xdc00) return c;
    return "\uFFFD";
  });
