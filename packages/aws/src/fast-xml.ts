// The XML reader of every query-protocol client (EC2, RDS, ElastiCache, ELBv2, Redshift, STS): the same
// tree as the SDK's own, built faster. The SDK's parser (@aws-sdk/xml-builder) grows every tag name and
// text run one character at a time and then walks the whole tree a second time to unwrap text nodes;
// on EC2's and RDS's large list pages that was the biggest single cost of a cold scan after the schema
// walk. This one slices names and text out of the string and unwraps text nodes as it goes (the same
// result: a node replaced by its text loses its subtree either way), and gives back exactly what XmlShapeDeserializer.parseXml did (test/fast-xml.test.ts compares
// the two on the sandbox's answers and on edge cases), so the SDK's schema reading runs unchanged.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{0,30}));/g;

function decode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string) => {
    if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
    if (dec) return String.fromCharCode(Number.parseInt(dec, 10));
    return ENTITIES[named] ?? "";
  });
}

/** The SDK's guard for a member named `__proto__`: an own property, never the prototype. */
function ownProto(obj: object): void {
  Object.defineProperty(obj, "__proto__", {
    value: undefined,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

type Value = string | Node | Value[];
interface Node {
  [key: string]: Value;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
/** Whitespace-only text with a line break is indentation, not content (as in the SDK). */
const isIndent = (text: string) => text.trim() === "" && text.includes("\n");

class Reader {
  i = 0;
  constructor(readonly x: string) {}

  fail(what: string): never {
    throw new Error(`@aws-sdk XML parse error: ${what}`);
  }

  skipSpace(): void {
    const { x } = this;
    while (this.i < x.length && isSpace(x.charCodeAt(this.i))) this.i++;
  }

  readTo(stop: string): string {
    const end = this.x.indexOf(stop, this.i);
    if (end === -1) this.fail(`expected "${stop}" not found.`);
    const text = this.x.slice(this.i, end);
    this.i = end + stop.length;
    return text;
  }

  /** A tag name: up to whitespace, ">" or "/". */
  readTagName(): string {
    const { x } = this;
    const start = this.i;
    for (let c = x.charCodeAt(this.i); this.i < x.length; c = x.charCodeAt(++this.i))
      if (isSpace(c) || c === 62 || c === 47) break;
    return x.slice(start, this.i);
  }

  /** An attribute name: up to whitespace, "=", ">", "/" or "?". */
  readAttrName(): string {
    const { x } = this;
    const start = this.i;
    for (let c = x.charCodeAt(this.i); this.i < x.length; c = x.charCodeAt(++this.i))
      if (isSpace(c) || c === 61 || c === 62 || c === 47 || c === 63) break;
    return x.slice(start, this.i);
  }

  skipDoctype(): void {
    const { x } = this;
    this.i += 9;
    let depth = 0;
    while (this.i < x.length) {
      const c = x[this.i];
      if (c === "[") depth++;
      else if (c === "]") depth--;
      else if (c === ">" && depth === 0) {
        this.i++;
        return;
      }
      this.i++;
    }
    this.fail("unclosed DOCTYPE.");
  }

  /** One element, the reader at its "<": its name and its value, text nodes already unwrapped. */
  tag(): { tag: string; value: Value } {
    const { x } = this;
    this.i++;
    const tag = this.readTagName();
    let attrs: Record<string, string> | undefined;
    while (this.i < x.length) {
      this.skipSpace();
      if (x[this.i] === ">" || x[this.i] === "/") break;
      const name = this.readAttrName();
      this.skipSpace();
      if (x[this.i] !== "=") break;
      this.i++;
      this.skipSpace();
      const quote = x[this.i] as string;
      this.i++;
      const end = x.indexOf(quote, this.i);
      const raw = x.slice(this.i, end === -1 ? x.length : end);
      this.i = end === -1 ? x.length + 1 : end + 1;
      attrs ??= {};
      if (name === "__proto__") ownProto(attrs);
      attrs[name] = decode(raw);
    }
    if (this.i >= x.length) this.fail("unexpected end of input.");
    if (x[this.i] === "/") {
      this.i++;
      if (this.i >= x.length || x[this.i] !== ">") this.fail("expected > at the end of self-closing tag.");
      this.i++;
      return { tag, value: attrs ?? "" };
    }
    if (x[this.i] !== ">") this.fail("expected > at the end of opening tag.");
    this.i++;

    const texts: string[] = [];
    const children: { tag: string; value: Value }[] = [];
    while (this.i < x.length) {
      if (x.startsWith("</", this.i)) break;
      if (x[this.i] === "<") {
        if (x.startsWith("<!--", this.i)) this.readTo("-->");
        else if (x.startsWith("<![CDATA[", this.i)) {
          this.i += 9;
          texts.push(this.readTo("]]>"));
        } else if (x.startsWith("<?", this.i)) this.readTo("?>");
        else children.push(this.tag());
      } else {
        const end = x.indexOf("<", this.i);
        const raw = x.slice(this.i, end === -1 ? x.length : end);
        this.i = end === -1 ? x.length : end;
        texts.push(decode(raw));
      }
    }
    if (!x.startsWith("</", this.i)) this.fail(`missing closing tag </${tag}>.`);
    this.i += 2;
    const closing = this.readTo(">").trim();
    if (closing !== tag) this.fail(`mismatched tags <${tag}> and </${closing}>.`);

    if (!attrs && !texts.length && !children.length) return { tag, value: "" };
    if (!attrs && !children.length) {
      const text = texts.length === 1 ? (texts[0] as string) : texts.join("");
      return { tag, value: isIndent(text) ? "" : text };
    }
    // An element with attributes or children: the SDK then replaces it by its text, if it has any.
    // In the SDK's order: the text first, then the children, then the attributes over them.
    const obj: Node = {};
    for (const part of texts) {
      if (isIndent(part)) continue;
      obj["#text"] = "#text" in obj ? `${obj["#text"]}${part}` : part;
    }
    for (const child of children) {
      // Never met: fastXmlReader leaves such documents to the SDK's reader, whose odd handling of them
      // (it may throw) is not worth copying.
      if (child.tag === "__proto__") this.fail("an element named __proto__.");
      // The SDK's second pass replaces every child (and item) that has text by that text: done here.
      const value = unwrapped(child.value);
      // `in`, as the SDK tests it (inherited names included), so both build the same tree.
      if (child.tag in obj) {
        const existing = obj[child.tag];
        if (Array.isArray(existing)) existing.push(value);
        else obj[child.tag] = [existing as Value, value];
      } else obj[child.tag] = value;
    }
    for (const [name, value] of Object.entries(attrs ?? {})) {
      if (name === "__proto__") ownProto(obj);
      obj[name] = value;
    }
    return { tag, value: obj };
  }
}

/** A child's value as the SDK's text-node pass leaves it: an element with text becomes that text. */
function unwrapped(value: Value): Value {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const text = value["#text"];
  return text !== undefined ? text : value;
}

/** What XmlShapeDeserializer.parseXml returns for `xml`: the root element's value, text nodes unwrapped. */
export function parseAwsXml(input: string): unknown {
  if (!input.length) return {};
  const reader = new Reader(input.includes("\r") ? input.replace(/\r\n?/g, "\n") : input);
  const { x } = reader;
  while (reader.i < x.length) {
    reader.skipSpace();
    if (reader.i >= x.length) break;
    if (x.startsWith("<?", reader.i)) reader.readTo("?>");
    else if (x.startsWith("<!--", reader.i)) reader.readTo("-->");
    else if (x.slice(reader.i, reader.i + 9).toLowerCase() === "<!doctype") reader.skipDoctype();
    else if (x[reader.i] === "<") {
      const { tag, value } = reader.tag();
      const root = value;
      if (typeof root === "object" && !Array.isArray(root) && root["#text"]) {
        root[tag] = root["#text"];
        delete root["#text"];
      }
      return root;
    } else reader.fail("unexpected content.");
  }
  return reader.fail("no root element.");
}

/**
 * The parseXml a query-protocol deserializer gets: this module's, except for a document that names
 * `__proto__` anywhere, left to the SDK's own reader (`sdk`) as before.
 */
export function fastXmlReader(sdk: (xml: string) => unknown): (xml: string) => unknown {
  return (xml) => (xml.includes("__proto__") ? sdk(xml) : parseAwsXml(xml));
}
