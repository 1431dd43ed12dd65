// Builds a short string that a simple regular expression matches: the first alternative of each
// group, the minimum count of each quantifier, the first fitting character of each class. It only
// models the constructs tag patterns use in practice and returns null on anything else (lookarounds,
// backreferences); callers always check the result against the real pattern.

const ESCAPES: Readonly<Record<string, string>> = {
  d: "0",
  w: "a",
  s: " ",
  D: "a",
  W: "-",
  S: "a",
  b: "",
  B: "",
};
const CLASS_CANDIDATES = ["a", "A", "0", "-", "_", ".", "@", " ", "z", "Z", "9", "+", "/", ":", "="];

interface Cursor {
  source: string;
  at: number;
}

/** Index just past the "]" closing the class that opens at `start`, or -1 when it is unclosed. */
function classEnd(source: string, start: number): number {
  let at = start + 1;
  if (source[at] === "^") at++;
  if (source[at] === "]") at++; // a leading "]" is a literal member
  while (at < source.length && source[at] !== "]") at += source[at] === "\\" ? 2 : 1;
  return at < source.length ? at + 1 : -1;
}

/** The first candidate character a bracket class `[...]` accepts. */
function sampleClass(cursor: Cursor): string | null {
  const end = classEnd(cursor.source, cursor.at);
  if (end < 0) return null;
  const members = new RegExp(`^${cursor.source.slice(cursor.at, end)}$`);
  cursor.at = end;
  return CLASS_CANDIDATES.find((candidate) => members.test(candidate)) ?? null;
}

/** Skips the rest of a group after its first alternative (up to, not past, the closing paren). */
function skipAlternatives(cursor: Cursor): void {
  let depth = 0;
  while (cursor.at < cursor.source.length) {
    const char = cursor.source[cursor.at];
    if (char === "[") {
      const end = classEnd(cursor.source, cursor.at);
      cursor.at = end < 0 ? cursor.source.length : end;
      continue;
    }
    if (char === "\\") cursor.at++;
    else if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) return;
      depth--;
    }
    cursor.at++;
  }
}

function atom(cursor: Cursor): string | null {
  const char = cursor.source[cursor.at] ?? "";
  if (char === "[") return sampleClass(cursor);
  cursor.at++;
  if (char === "^" || char === "$") return "";
  if (char === ".") return "a";
  if (char === "\\") {
    const escaped = cursor.source[cursor.at++] ?? "";
    if (escaped in ESCAPES) return ESCAPES[escaped] ?? null;
    return /[A-Za-z0-9]/.test(escaped) ? null : escaped; // \x41, \1... are not modelled
  }
  if (char === "(") {
    if (cursor.source[cursor.at] === "?") {
      if (cursor.source[cursor.at + 1] !== ":") return null; // lookarounds and named groups
      cursor.at += 2;
    }
    const inner = sequence(cursor);
    if (inner === null || cursor.source[cursor.at] !== ")") return null;
    cursor.at++;
    return inner;
  }
  return char;
}

/** Applies a following quantifier by repeating `value` its minimum number of times. */
function quantified(cursor: Cursor, value: string): string {
  const rest = cursor.source.slice(cursor.at);
  const braces = /^\{(\d+)(,\d*)?\}/.exec(rest);
  let count = 1;
  if (braces) {
    count = Number(braces[1]);
    cursor.at += braces[0].length;
  } else if (rest[0] === "*" || rest[0] === "?" || rest[0] === "+") {
    count = rest[0] === "+" ? 1 : 0;
    cursor.at++;
  } else {
    return value;
  }
  if (cursor.source[cursor.at] === "?") cursor.at++; // lazy marker
  return value.repeat(count);
}

function sequence(cursor: Cursor): string | null {
  let out = "";
  while (cursor.at < cursor.source.length && cursor.source[cursor.at] !== ")") {
    if (cursor.source[cursor.at] === "|") {
      cursor.at++;
      skipAlternatives(cursor);
      break;
    }
    const value = atom(cursor);
    if (value === null) return null;
    out += quantified(cursor, value);
  }
  return out;
}

export function sampleForRegex(pattern: string): string | null {
  try {
    const cursor = { source: pattern, at: 0 };
    const sample = sequence(cursor);
    return cursor.at === pattern.length ? sample : null;
  } catch {
    return null; // an unbalanced class makes the RegExp constructor throw
  }
}
