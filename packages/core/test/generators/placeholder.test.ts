import { describe, expect, it } from "vitest";
import { PLACEHOLDER_FALLBACK, placeholderFor } from "../../src/generators/placeholder";
import { sampleForRegex } from "../../src/generators/regex-sample";
import { EMAIL_REGEX } from "./policies";

const forRegex = (validation_regex: string) =>
  placeholderFor({ name: "T", allowed_values: null, validation_regex });

describe("placeholderFor", () => {
  it("uses the first allowed value, whatever the regex", () => {
    expect(placeholderFor({ name: "Env", allowed_values: ["prod", "dev"], validation_regex: "^x$" })).toEqual(
      {
        value: "prod",
        satisfies: true,
        warning: null,
      },
    );
  });

  it("uses a neutral value when the tag accepts anything", () => {
    expect(placeholderFor({ name: "App", allowed_values: null, validation_regex: null }).value).toBe(
      "tagc-unassigned",
    );
  });

  it.each([
    [EMAIL_REGEX, "unassigned@example.com"],
    ["^[A-Z]{2}-\\d{4}$", "CC-0000"],
    ["^[0-9]+$", "0000"],
    ["^(prod|dev)-[a-z]+$", "prod-a"],
    ["^CC\\d{3,5}$", "CC000"],
    ["^v\\d+\\.\\d+$", "v0.0"],
    ["^\\d{4}-\\d{2}-\\d{2}$", "0000-00-00"],
    ["^(?:team|squad)_[a-z0-9]{3}$", "team_aaa"],
    ["^[a-z-]+", "tagc-unassigned"],
  ])("finds a value matching %s", (regex, expected) => {
    expect(forRegex(regex)).toEqual({ value: expected, satisfies: true, warning: null });
    expect(new RegExp(regex).test(expected)).toBe(true);
  });

  it.each([["^(?=x)y"], ["^[a-z]+("], ["(?P<name>x)"], ["^[,;]+$"]])(
    "falls back to the documented constant with a warning for %s",
    (regex) => {
      expect(forRegex(regex)).toEqual({
        value: PLACEHOLDER_FALLBACK,
        satisfies: false,
        warning:
          'no placeholder satisfies the validation_regex of "T"; "tagc-review-required" is used and those ' +
          "resources stay flagged until a real value is set",
      });
    },
  );
});

describe("sampleForRegex", () => {
  it.each([
    ["abc|def", "abc"],
    ["^a{2,}b*c?$", "aa"],
    ["(x|[)])y", "xy"],
    ["^[A-Z\\]]{2}$", "AA"],
    ["^[^@]+@x\\.io$", "a@x.io"],
    ["\\d\\w\\s\\.", "0a ."],
  ])("samples %s as %s", (regex, expected) => {
    expect(sampleForRegex(regex)).toBe(expected);
  });

  it.each([["(?=x)"], ["\\1"], ["(a|b"], ["a)"], ["[z-a]"], ["[abc"]])("gives up on %s", (regex) => {
    expect(sampleForRegex(regex)).toBeNull();
  });
});
