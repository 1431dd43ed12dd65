import { XMLBuilder } from "fast-xml-parser";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: false,
});

/** Serialises a plain object tree; arrays become repeated elements of the key's name. */
export function toXml(root: string, body: unknown, xmlns?: string): string {
  const tree = { [root]: { ...(xmlns ? { "@_xmlns": xmlns } : {}), ...(body as object) } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(tree)}`;
}
