import { type CollectionTag, Pair, Scalar, type ScalarTag, YAMLMap, type YAMLSeq } from "yaml";

/**
 * CloudFormation's short-form intrinsic tags, each expanded to its long form (`!Sub x` becomes
 * `{ "Fn::Sub": x }`, `!Ref x` becomes `{ Ref: x }`), so the parsed template is the JSON that
 * CloudFormation itself evaluates.
 */

type Tag = ScalarTag | CollectionTag;

// Functions whose argument may be a scalar, a list or a map (the argument can itself be a
// long-form function, e.g. `!Base64 { "Fn::Sub": ... }`). CloudFormation validates the arity;
// here only the shape of the YAML node decides which variant of the tag applies.
const FUNCTIONS: Record<string, string> = {
  "!Sub": "Fn::Sub",
  "!FindInMap": "Fn::FindInMap",
  "!Join": "Fn::Join",
  "!If": "Fn::If",
  "!Equals": "Fn::Equals",
  "!Select": "Fn::Select",
  "!Split": "Fn::Split",
  "!Base64": "Fn::Base64",
  "!ImportValue": "Fn::ImportValue",
  "!GetAZs": "Fn::GetAZs",
  "!Not": "Fn::Not",
  "!And": "Fn::And",
  "!Or": "Fn::Or",
  "!Cidr": "Fn::Cidr",
};

// A collection keeps its YAML node (wrapped in a one-key map) instead of being converted here,
// so nested tags, comments and source ranges survive until the document is converted as a whole.
function wrapNode(fn: string, node: YAMLMap.Parsed | YAMLSeq.Parsed): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(fn), node));
  return map;
}

function functionTags(shortName: string, fn: string): Tag[] {
  return [
    { tag: shortName, resolve: (value: string) => ({ [fn]: value }) },
    { tag: shortName, collection: "seq", resolve: (node) => wrapNode(fn, node) },
    { tag: shortName, collection: "map", resolve: (node) => wrapNode(fn, node) },
  ];
}

// `!GetAtt Res.Attr` splits on the first dot only: attribute names such as Endpoint.Address
// contain dots themselves.
function splitGetAtt(value: string, onError: (message: string) => void): string[] {
  const dot = value.indexOf(".");
  if (dot <= 0 || dot === value.length - 1) {
    onError(`!GetAtt expects "LogicalId.Attribute", got "${value}"`);
    return [value];
  }
  return [value.slice(0, dot), value.slice(dot + 1)];
}

export const cfnYamlTags: Tag[] = [
  { tag: "!Ref", resolve: (value: string) => ({ Ref: value }) },
  { tag: "!Condition", resolve: (value: string) => ({ Condition: value }) },
  { tag: "!GetAtt", resolve: (value: string, onError) => ({ "Fn::GetAtt": splitGetAtt(value, onError) }) },
  { tag: "!GetAtt", collection: "seq", resolve: (node) => wrapNode("Fn::GetAtt", node) },
  ...Object.entries(FUNCTIONS).flatMap(([shortName, fn]) => functionTags(shortName, fn)),
];
