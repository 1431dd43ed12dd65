// A small HCL writer for generated Terraform: strings escaped for HCL (including the template
// sequences ${ and %{, which would otherwise be evaluated), values rendered as HCL expressions, and
// attributes aligned the way `terraform fmt` aligns them, so the output is fmt-clean.

export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** A quoted HCL string literal whose value is exactly `value`. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/[\\"\n\r\t]/g, (char) => ESCAPES[char] ?? char)
    // Other control characters as \uNNNN, which HCL reads back as the same character.
    .replace(/\p{Cc}/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{");
  return `"${escaped}"`;
}

const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if", "endif", "endfor"]);

/** An object key: bare when it is a plain identifier, quoted otherwise ("aws:RequestTag/Owner"). */
const hclKey = (key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !KEYWORDS.has(key) ? key : hclString(key);

/** `key = value` lines; runs of single-line values are aligned on "=", as terraform fmt does. */
export function hclAttributes(entries: [string, string][], indent: string): string[] {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([key]) => key.length));
    for (const [key, value] of run) lines.push(`${indent}${key.padEnd(width)} = ${value}`);
    run = [];
  };
  for (const [key, value] of entries) {
    if (value.includes("\n")) {
      flush();
      lines.push(`${indent}${key} = ${value}`);
    } else run.push([key, value]);
  }
  flush();
  return lines;
}

/** `value` as an HCL expression; nested lines are indented from `indent`. */
export function hclExpression(value: HclValue, indent = ""): string {
  if (value === null) return "null";
  if (typeof value === "string") return hclString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${hclExpression(item, inner)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const rendered = entries.map(([key, item]): [string, string] => [hclKey(key), hclExpression(item, inner)]);
  return `{\n${hclAttributes(rendered, inner).join("\n")}\n${indent}}`;
}

/** A resource or variable label: lower-case letters, digits and underscores, starting with a letter. */
export function hclIdentifier(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(cleaned) ? cleaned : `r_${cleaned}`;
}
