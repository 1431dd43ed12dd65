// Issue 11: a similar-resources suggestion is always one of the key's allowed values, and only a
// neighbour value equal to one (ignoring case) counts for it, in the policy's spelling.
import { describe, expect, it } from "vitest";
import type { Resource } from "../../src/model";
import type { RequiredTag } from "../../src/policy/types";
import { suggestFromSimilar } from "../../src/suggest/similar";

let counter = 0;
const instance = (tags: Record<string, string> = {}): Resource => {
  counter += 1;
  const id = `i-0${counter.toString().padStart(16, "0")}`;
  return {
    arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`,
    id,
    type: "ec2:instance",
    region: "us-east-1",
    account_id: "111111111111",
    tags,
  };
};
const target = instance();
const tagged = (key: string, ...values: string[]) => values.map((value) => instance({ [key]: value }));
const tag = (name: string, allowed: string[] | null, regex?: string): RequiredTag => ({
  name,
  description: name,
  allowed_values: allowed,
  ...(regex ? { validation_regex: regex } : {}),
});

describe("suggestFromSimilar and allowed values", () => {
  it("maps a neighbour value that differs only in case to the allowed spelling, and counts them together", () => {
    const env = tag("Environment", ["Production", "Staging"]);
    const similar = tagged("Environment", "PRODUCTION", "production", "Production", "Staging", "Staging");
    expect(suggestFromSimilar(env, target, similar)).toMatchObject({ value: "Production", confidence: 0.42 });
  });

  it.each([
    ["separators", ["R&D", "Sales"], ["R-D", "R-D", "R D", "R_D", "R-D"]],
    ["non-Latin values", ["生产", "测试"], ["预发", "预发", "预发", "预发", "预发"]],
    ["punctuation only", ["-", "Sales"], ["?", "?", "?", "!", "?"]],
    ["spaces around the value", ["prod", "dev"], [" prod", "prod ", " prod ", "prod\t", " prod"]],
  ])("never turns a disallowed neighbour value into an allowed one (%s)", (_, allowed, values) => {
    const cost = tag("CostCenter", allowed);
    expect(suggestFromSimilar(cost, target, tagged("CostCenter", ...values))).toBeNull();
  });

  it("picks no spelling when two allowed values differ only in case", () => {
    const env = tag("Environment", ["prod", "Prod"]);
    expect(suggestFromSimilar(env, target, tagged("Environment", "PROD", "PROD", "PROD"))).toBeNull();
    expect(suggestFromSimilar(env, target, tagged("Environment", "Prod", "Prod"))?.value).toBe("Prod");
  });

  it("treats an empty allowed list as no list, as the compliance check does", () => {
    const owner = tag("Owner", []);
    expect(suggestFromSimilar(owner, target, tagged("Owner", "team-a", "team-a"))?.value).toBe("team-a");
  });

  it("every suggestion is an allowed value, whatever the neighbours carry", () => {
    const allowed = ["Engineering", "Finance", "R&D", "生产"];
    const cost = tag("CostCenter", allowed);
    const noise = [
      "engineering",
      "FINANCE",
      "r&d",
      "R-D",
      "生产 ",
      "Fin",
      "eng",
      "Engineering!",
      "",
      "finance",
    ];
    for (let i = 0; i < noise.length; i++) {
      const similar = tagged("CostCenter", ...noise.slice(i), ...noise.slice(0, i));
      const suggestion = suggestFromSimilar(cost, target, similar);
      if (suggestion) expect(allowed).toContain(suggestion.value);
    }
  });
});
