import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hclAttributes, hclExpression, hclIdentifier, hclString } from "../../src/generators/hcl";
import { checkBalance, readHcl } from "./hcl-reader";

const readValue = (expression: string) =>
  readHcl(`resource "t" "n" {\n  v = ${expression}\n}\n`)[0]?.attributes.v;

describe("hcl writer", () => {
  it.each([
    ["plain", '"plain"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal HCL template sequence is the input
    ["${var.x}", '"$${var.x}"'],
    ["%{ if x }", '"%%{ if x }"'],
    ["line\nbreak\ttab", '"line\\nbreak\\ttab"'],
    ["bell\u0007", '"bell\\u0007"'],
  ])("writes %j as %s", (value, literal) => {
    expect(hclString(value)).toBe(literal);
  });

  it("reads back any string exactly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (value) => {
        expect(readValue(hclString(value))).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it("writes nested values that read back equal, with fmt's alignment", () => {
    const value = {
      Version: "1",
      "aws:Key/x": ["a", "b"],
      nested: { a: 1, bb: true, c: null },
      empty: [],
      none: {},
    };
    const text = hclExpression(value, "  ");
    expect(text).toBe(
      [
        "{",
        '    Version = "1"',
        '    "aws:Key/x" = [',
        '      "a",',
        '      "b",',
        "    ]",
        "    nested = {",
        "      a  = 1",
        "      bb = true",
        "      c  = null",
        "    }",
        "    empty = []",
        "    none  = {}",
        "  }",
      ].join("\n"),
    );
    expect(readValue(text)).toEqual(value);
  });

  it("quotes keys that are not plain identifiers or are keywords", () => {
    expect(readValue(hclExpression({ null: 1, for: 2, "a-b": 3, _ok: 4 }))).toEqual({
      null: 1,
      for: 2,
      "a-b": 3,
      _ok: 4,
    });
    expect(hclExpression({ null: 1 })).toBe('{\n  "null" = 1\n}');
  });

  it("aligns only runs of single-line attributes", () => {
    expect(
      hclAttributes(
        [
          ["a", "1"],
          ["long", "[\n]"],
          ["bb", "2"],
          ["c", "3"],
        ],
        "",
      ),
    ).toEqual(["a = 1", "long = [\n]", "bb = 2", "c  = 3"]);
  });

  it.each([
    ["Tag Compliance!", "tag_compliance"],
    ["7days", "r_7days"],
    ["__x__", "x"],
  ])("makes %j the identifier %s", (raw, identifier) => {
    expect(hclIdentifier(raw)).toBe(identifier);
  });
});

describe("test HCL reader", () => {
  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an unescaped HCL template is what must be refused
    ['resource "a" "b" {\n  x = "${y}"\n}\n', "unescaped template"],
    ['resource "a" "b" {\n  x = "open\n}\n', "unterminated string"],
    ['resource "a" "b" {\n  x = [1, 2\n}\n', 'unbalanced "}"'],
    ['resource "a" "b" {\n  x = 1\n', 'unclosed "{"'],
    ['resource "a" "b" {\n  x = 1\n  x = 2\n}\n', "duplicate attribute x"],
  ])("rejects malformed text (%#)", (text, message) => {
    expect(() => readHcl(text)).toThrow(message);
  });

  it("accepts balanced text with strings holding brackets", () => {
    expect(() => checkBalance('a = "}{]["\n# comment {\nb = { c = [1] }\n')).not.toThrow();
  });
});
