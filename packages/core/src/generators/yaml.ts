// One YAML writer for every generator. Repeated objects (the same filter in two policies) are
// written out in full instead of as &anchors/*aliases, which several consumers reject, and long
// strings are never folded so shell commands stay on one line.
import { stringify } from "yaml";

export const toYaml = (value: unknown): string =>
  stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
