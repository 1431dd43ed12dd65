// Compiles a policy's validation_regex once and matches it the way the Python product does.
// Policies were written for Python `re`; we run them with JavaScript RegExp, so a pattern is only
// accepted when both engines would read it the same way for the constructs authors actually use.

/**
 * Letter escapes with the same meaning in Python `re` and in a JavaScript RegExp without the `u`
 * flag. JavaScript reads any other `\<letter>` as the bare letter (`\A` matches "A"), while Python
 * rejects it or gives it another meaning (`\A` and `\Z` are anchors), so such a pattern would compile
 * here and then judge tag values differently from what its author meant.
 */
const PORTABLE_LETTER_ESCAPES = new Set("bBdDfnrsStvwWxu");
const ESCAPE_HINTS: Record<string, string> = { A: "use ^ instead", Z: "use $ instead" };

/** Bounded so a long-running multi-tenant process cannot grow it without limit. */
const CACHE_LIMIT = 500;
const cache = new Map<string, RegExp>();

export type RegexCompileResult = { ok: true; regex: RegExp } | { ok: false; reason: string };

function unportableEscape(pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== "\\") continue;
    const next = pattern[i + 1] ?? "";
    i++; // skip the escaped character, so "\\A" (a literal backslash then A) is not flagged
    if (/^[A-Za-z]$/.test(next) && !PORTABLE_LETTER_ESCAPES.has(next)) {
      const hint = ESCAPE_HINTS[next];
      return `\\${next} means something else in JavaScript than in Python${hint ? `; ${hint}` : ""}`;
    }
  }
  return null;
}

/**
 * Compiles a validation_regex with the sticky flag: a sticky match must start at lastIndex 0 but
 * may stop before the end, which is exactly Python `re.match` (authors add `$` for a full match).
 */
export function compileTagRegex(pattern: string): RegexCompileResult {
  const cached = cache.get(pattern);
  if (cached) return { ok: true, regex: cached };
  const escapeProblem = unportableEscape(pattern);
  if (escapeProblem) return { ok: false, reason: `invalid validation_regex: ${escapeProblem}` };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "y");
  } catch (error) {
    // Python-only syntax such as (?P<name>...) or inline flags (?i) lands here. V8's message
    // repeats the pattern with our internal "y" flag; keep only its last part, the reason.
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.split(": ").pop() ?? message;
    const hint = pattern.includes("(?P") ? "; write Python's (?P<name>...) as (?<name>...)" : "";
    return { ok: false, reason: `invalid validation_regex: ${reason}${hint}` };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, regex);
  return { ok: true, regex };
}

/** Python `re.match(pattern, value)` is truthy: the pattern matches at index 0. */
export function matchesAtStart(regex: RegExp, value: string): boolean {
  // Sticky regexes carry state; reset it so one call can never affect the next.
  regex.lastIndex = 0;
  return regex.test(value);
}
