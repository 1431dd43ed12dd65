// YAML that Ansible (PyYAML, YAML 1.1) reads back exactly as written. Emitting as 1.1 quotes every
// string 1.1 would turn into something else (yes/on/no → booleans, 0123 → octal, 1:20 → 80,
// 2001-12-14 → a date). The library still writes "<<" bare, which 1.1 reads as a merge key (and
// PyYAML cannot read at all as a value), so it is forced to an explicit string. No anchors.
import { Document, visit } from "yaml";

const STR = "tag:yaml.org,2002:str";

export function toYaml(value: unknown, commentBefore?: string): string {
  const doc = new Document(value, { version: "1.1", aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, scalar) {
      if (scalar.value !== "<<") return;
      scalar.type = "QUOTE_DOUBLE";
      scalar.tag = STR;
    },
  });
  // The library prefixes each comment line with "#" only; a space reads better.
  if (commentBefore) doc.commentBefore = commentBefore.replace(/^/gm, " ");
  return doc.toString({ lineWidth: 0 });
}
