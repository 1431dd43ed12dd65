// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub strings contain ${...} on purpose; they are CloudFormation text, not JS templates.
import { describe, expect, it } from "vitest";
import { parseTemplateDocument, TemplateError } from "../src/index";

const parse = (text: string): unknown => parseTemplateDocument(text).toJS();

describe("CloudFormation short-form tags", () => {
  it.each([
    ["!Ref Bucket", { Ref: "Bucket" }],
    ["!Condition IsProd", { Condition: "IsProd" }],
    ["!Sub arn:${AWS::Partition}:s3:::x", { "Fn::Sub": "arn:${AWS::Partition}:s3:::x" }],
    ["!Sub ['a-${X}', { X: !Ref Y }]", { "Fn::Sub": ["a-${X}", { X: { Ref: "Y" } }] }],
    ["!GetAtt Role.Arn", { "Fn::GetAtt": ["Role", "Arn"] }],
    ["!GetAtt Db.Endpoint.Address", { "Fn::GetAtt": ["Db", "Endpoint.Address"] }],
    ["!GetAtt [Role, Arn]", { "Fn::GetAtt": ["Role", "Arn"] }],
    ["!FindInMap [M, A, B]", { "Fn::FindInMap": ["M", "A", "B"] }],
    ["!Join [',', [a, !Ref B]]", { "Fn::Join": [",", ["a", { Ref: "B" }]] }],
    ["!If [C, a, b]", { "Fn::If": ["C", "a", "b"] }],
    ["!Equals [a, b]", { "Fn::Equals": ["a", "b"] }],
    ["!Select [0, !GetAZs '']", { "Fn::Select": [0, { "Fn::GetAZs": "" }] }],
    ["!Split [',', 'a,b']", { "Fn::Split": [",", "a,b"] }],
    ["!Base64 hello", { "Fn::Base64": "hello" }],
    ["!Base64 { 'Fn::Sub': x }", { "Fn::Base64": { "Fn::Sub": "x" } }],
    ["!ImportValue shared-vpc", { "Fn::ImportValue": "shared-vpc" }],
    ["!GetAZs us-east-1", { "Fn::GetAZs": "us-east-1" }],
    ["!Not [!Condition C]", { "Fn::Not": [{ Condition: "C" }] }],
    ["!And [!Condition A, !Condition B]", { "Fn::And": [{ Condition: "A" }, { Condition: "B" }] }],
    ["!Or [!Equals [a, b], !Condition B]", { "Fn::Or": [{ "Fn::Equals": ["a", "b"] }, { Condition: "B" }] }],
  ])("%s", (source, expected) => {
    expect(parse(`value: ${source}\n`)).toEqual({ value: expected });
  });

  it("expands block-style sequences with nested tags", () => {
    const text = "value: !Sub\n  - ${A}:${B}\n  - A: !FindInMap [M, K, Id]\n    B: !Ref P\n";
    expect(parse(text)).toEqual({
      value: { "Fn::Sub": ["${A}:${B}", { A: { "Fn::FindInMap": ["M", "K", "Id"] }, B: { Ref: "P" } }] },
    });
  });

  // An unknown tag only warns in the yaml library and would leave a plain string behind, which
  // in a policy would silently change its meaning.
  it.each([
    ["an unknown tag", "value: !Reff Bucket\n"],
    ["!Ref on a list", "value: !Ref [a, b]\n"],
    ["a GetAtt without an attribute", "value: !GetAtt Role\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["broken YAML", "value: [unclosed\n"],
  ])("rejects %s", (_label, text) => {
    expect(() => parseTemplateDocument(text)).toThrow(TemplateError);
  });
});
