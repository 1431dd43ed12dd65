// CloudFormation's YAML short forms (!Ref, !Sub, !GetAtt, ...) expanded to their JSON long forms
// ({ Ref: x }, { "Fn::Sub": x }, ...), so the rest of the engine only ever sees JSON templates.
import { type CollectionTag, Pair, Scalar, type ScalarTag, YAMLMap, type YAMLSeq } from "yaml";

type Tag = ScalarTag | CollectionTag;

const FUNCTIONS = [
  "And",
  "Base64",
  "Cidr",
  "Equals",
  "FindInMap",
  "GetAZs",
  "If",
  "ImportValue",
  "Join",
  "Not",
  "Or",
  "Select",
  "Split",
  "Sub",
  "ToJsonString",
  "Length",
];

// A collection keeps its YAML node, wrapped in a one-key map, so tags nested inside it are
// resolved when the whole document is converted to JSON.
function wrap(fn: string, node: YAMLMap.Parsed | YAMLSeq.Parsed): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(fn), node));
  return map;
}

const shortForms = (tag: string, fn: string): Tag[] => [
  { tag, resolve: (value: string) => ({ [fn]: value }) },
  { tag, collection: "seq", resolve: (node) => wrap(fn, node) },
  { tag, collection: "map", resolve: (node) => wrap(fn, node) },
];

// "!GetAtt Role.Arn" splits at the first dot; attribute names may contain dots themselves.
function getAtt(value: string, onError: (message: string) => void): { "Fn::GetAtt": string[] } {
  const dot = value.indexOf(".");
  if (dot <= 0) onError(`Template error: every Fn::GetAtt object requires two non-empty parameters.`);
  return { "Fn::GetAtt": [value.slice(0, dot), value.slice(dot + 1)] };
}

export const cfnTags: Tag[] = [
  { tag: "!Ref", resolve: (value: string) => ({ Ref: value }) },
  { tag: "!Condition", resolve: (value: string) => ({ Condition: value }) },
  { tag: "!GetAtt", resolve: getAtt },
  { tag: "!GetAtt", collection: "seq", resolve: (node) => wrap("Fn::GetAtt", node) },
  ...FUNCTIONS.flatMap((name) => shortForms(`!${name}`, `Fn::${name}`)),
];
