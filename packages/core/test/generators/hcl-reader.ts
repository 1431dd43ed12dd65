// Test-only HCL reader for the generated Terraform. It is deliberately strict: it knows the subset the
// generators emit (blocks, attributes, strings, lists, objects, function calls, references) and
// throws on anything else, including an unescaped ${ or %{ template in a string, which would mean
// the generator let user text be evaluated by Terraform.

export type HclRead =
  | string
  | number
  | boolean
  | null
  | HclRead[]
  | { [key: string]: HclRead }
  | { $call: string; args: HclRead[] }
  | { $ref: string };

export interface HclBlockRead {
  type: string;
  labels: string[];
  attributes: Record<string, HclRead>;
  blocks: HclBlockRead[];
}

/** Braces, brackets and parentheses balance outside strings and comments, and strings close. */
export function checkBalance(text: string): void {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (char === '"') {
      for (i++; text[i] !== '"'; i++) {
        if (i >= text.length || text[i] === "\n") throw new Error(`unterminated string near offset ${i}`);
        if (text[i] === "\\") i++;
      }
    } else if ("([{".includes(char)) stack.push(char);
    else if (char in pairs && stack.pop() !== pairs[char])
      throw new Error(`unbalanced "${char}" at offset ${i}`);
  }
  if (stack.length > 0) throw new Error(`unclosed "${stack.join("")}"`);
}

/** Top-level block headers found by a plain regex: `kind "label" "label" {`. */
export function blockHeaders(text: string): string[][] {
  return [...text.matchAll(/^(resource|variable|data|output) "([^"]+)"(?: "([^"]+)")? \{$/gm)].map((m) =>
    m.slice(1).filter((part): part is string => part !== undefined),
  );
}

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  fail(why: string): never {
    throw new Error(`${why} at offset ${this.at}: ${JSON.stringify(this.text.slice(this.at, this.at + 30))}`);
  }

  /** Skips spaces and comments; also newlines unless `keepNewlines`. */
  skip(keepNewlines = false): void {
    for (;;) {
      const char = this.text[this.at];
      if (char === " " || char === "\t" || char === "\r" || (char === "\n" && !keepNewlines)) this.at++;
      else if (char === "#") while (this.at < this.text.length && this.text[this.at] !== "\n") this.at++;
      else return;
    }
  }

  peek(): string {
    return this.text[this.at] ?? "";
  }

  /** The next significant character, after spaces, new lines and comments. */
  next(): string {
    this.skip();
    return this.peek();
  }

  expect(token: string): void {
    this.skip();
    if (!this.text.startsWith(token, this.at)) this.fail(`expected "${token}"`);
    this.at += token.length;
  }

  identifier(): string {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.at));
    if (!match) this.fail("expected an identifier");
    this.at += match[0].length;
    return match[0];
  }

  string(): string {
    this.expect('"');
    let out = "";
    for (;;) {
      const char = this.text[this.at++];
      if (char === undefined || char === "\n") this.fail("unterminated string");
      if (char === '"') return out;
      if (char === "\\") {
        const esc = this.text[this.at++];
        const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
        if (esc === "u") {
          out += String.fromCharCode(Number.parseInt(this.text.slice(this.at, this.at + 4), 16));
          this.at += 4;
        } else if (esc !== undefined && esc in simple) out += simple[esc];
        else this.fail(`unknown escape \\${esc}`);
      } else if (
        (char === "$" || char === "%") &&
        this.text[this.at] === char &&
        this.text[this.at + 1] === "{"
      ) {
        out += `${char}{`; // $${ and %%{ are the escaped, literal forms
        this.at += 2;
      } else if ((char === "$" || char === "%") && this.text[this.at] === "{") {
        this.fail("unescaped template sequence in a string");
      } else out += char;
    }
  }

  expression(): HclRead {
    this.skip();
    const char = this.peek();
    if (char === '"') return this.string();
    if (char === "[") return this.list();
    if (char === "{") return this.object();
    if (/[0-9-]/.test(char)) {
      const match = /^-?\d+(\.\d+)?/.exec(this.text.slice(this.at)) ?? this.fail("bad number");
      this.at += match[0].length;
      return Number(match[0]);
    }
    const name = this.identifier();
    if (name === "true" || name === "false") return name === "true";
    if (name === "null") return null;
    if (this.peek() === "(") {
      this.at++;
      const args: HclRead[] = [];
      while (this.next() !== ")") {
        args.push(this.expression());
        this.skip();
        if (this.peek() === ",") this.at++;
      }
      this.at++;
      return { $call: name, args };
    }
    let ref = name;
    while (this.peek() === ".") {
      this.at++;
      ref += `.${this.identifier()}`;
    }
    return { $ref: ref };
  }

  list(): HclRead[] {
    this.expect("[");
    const items: HclRead[] = [];
    while (this.next() !== "]") {
      items.push(this.expression());
      this.skip();
      if (this.peek() === ",") this.at++;
      else if (this.peek() !== "]") this.fail("expected , or ]");
    }
    this.at++;
    return items;
  }

  object(): Record<string, HclRead> {
    this.expect("{");
    const out: Record<string, HclRead> = {};
    while (this.next() !== "}") {
      const key = this.peek() === '"' ? this.string() : this.identifier();
      if (key in out) this.fail(`duplicate key ${key}`);
      this.expect("=");
      out[key] = this.expression();
      this.skip(true);
      if (this.peek() === ",") this.at++;
      else if (this.peek() !== "\n" && this.peek() !== "}") this.fail("expected a new line after an item");
    }
    this.at++;
    return out;
  }

  body(closing: string): Omit<HclBlockRead, "type" | "labels"> {
    const attributes: Record<string, HclRead> = {};
    const blocks: HclBlockRead[] = [];
    while (this.next() !== "" && this.peek() !== closing) {
      const name = this.identifier();
      this.skip(true);
      if (this.peek() === "=") {
        this.at++;
        if (name in attributes) this.fail(`duplicate attribute ${name}`);
        attributes[name] = this.expression();
        this.skip(true);
        if (this.peek() !== "\n" && this.peek() !== closing)
          this.fail("expected a new line after an attribute");
        continue;
      }
      const labels: string[] = [];
      while (this.next() === '"') labels.push(this.string());
      this.expect("{");
      blocks.push({ type: name, labels, ...this.body("}") });
      this.expect("}");
    }
    return { attributes, blocks };
  }
}

/** Parses a whole file into its top-level blocks (attributes outside blocks are refused). */
export function readHcl(text: string): HclBlockRead[] {
  checkBalance(text);
  const reader = new Reader(text);
  const { attributes, blocks } = reader.body("");
  if (Object.keys(attributes).length > 0) throw new Error("unexpected top-level attributes");
  return blocks;
}

/** The JSON document a `jsonencode(...)` attribute produces. */
export function jsonencoded(value: HclRead | undefined): unknown {
  const call = value as { $call?: unknown; args?: unknown } | null | undefined;
  if (typeof call !== "object" || call === null || call.$call !== "jsonencode" || !Array.isArray(call.args)) {
    throw new Error(`expected jsonencode(...), got ${JSON.stringify(value)}`);
  }
  return call.args[0];
}
