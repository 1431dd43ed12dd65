// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub strings contain ${...} on purpose; they are CloudFormation text, not JS templates.
import { describe, expect, it } from "vitest";
import { type EvaluationContext, evaluate, type Json, TemplateError } from "../src/index";

const ctx: EvaluationContext = {
  parameters: { Name: "orders", Env: "prod" },
  pseudo: { "AWS::Partition": "aws-cn" },
  mappings: { Accounts: { Prod: { Id: "123456789012", Regions: ["cn-north-1", "cn-northwest-1"] } } },
};

describe("evaluate", () => {
  it.each<[string, Json, Json]>([
    ["Ref to a parameter", { Ref: "Name" }, "orders"],
    ["Ref to a pseudo parameter", { Ref: "AWS::Partition" }, "aws-cn"],
    ["Fn::Sub with parameters", { "Fn::Sub": "${Env}-${Name}" }, "prod-orders"],
    ["Fn::Sub with a literal ${!...}", { "Fn::Sub": "${!Env}/${Env}" }, "${Env}/prod"],
    [
      "Fn::Sub with a variable map shadowing a parameter",
      {
        "Fn::Sub": ["${Name}:${Acct}", { Name: "x", Acct: { "Fn::FindInMap": ["Accounts", "Prod", "Id"] } }],
      },
      "x:123456789012",
    ],
    [
      "Fn::FindInMap to a list, keys evaluated",
      { "Fn::FindInMap": ["Accounts", { "Fn::Join": ["", ["P", "rod"]] }, "Regions"] },
      ["cn-north-1", "cn-northwest-1"],
    ],
    ["Fn::Join", { "Fn::Join": ["/", ["a", { Ref: "Name" }]] }, "a/orders"],
    ["Fn::Select", { "Fn::Select": ["1", { "Fn::Split": [",", "a,b,c"] }] }, "b"],
    ["nested objects and lists", { a: [{ Ref: "Env" }, 1, true] }, { a: ["prod", 1, true] }],
    ["Ref AWS::NoValue removing a property", { keep: 1, drop: { Ref: "AWS::NoValue" } }, { keep: 1 }],
  ])("%s", (_label, input, expected) => {
    expect(evaluate(input, ctx)).toEqual(expected);
  });

  it.each<[string, Json]>([
    ["an unknown Ref", { Ref: "Nope" }],
    ["a Ref to a resource's attribute via Sub", { "Fn::Sub": "${Role.Arn}" }],
    ["Fn::GetAtt", { "Fn::GetAtt": ["Role", "Arn"] }],
    ["Fn::ImportValue", { "Fn::ImportValue": "x" }],
    ["Fn::If", { "Fn::If": ["C", "a", "b"] }],
    ["a missing mapping entry", { "Fn::FindInMap": ["Accounts", "Dev", "Id"] }],
    ["Fn::Join over a non-string", { "Fn::Join": [",", ["a", 1]] }],
    ["Fn::Select out of range", { "Fn::Select": ["5", ["a"]] }],
    ["a wrongly shaped Fn::FindInMap", { "Fn::FindInMap": ["Accounts", "Prod"] }],
  ])("throws on %s", (_label, input) => {
    expect(() => evaluate(input, ctx)).toThrow(TemplateError);
  });
});
