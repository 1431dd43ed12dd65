// How deep a JSON text nests, measured on the raw text before anything parses or walks it: a
// 5,000-deep body would otherwise overflow the stack of every recursive step after JSON.parse.

/** The JSON nesting the API accepts: a tagging policy needs about six levels. */
export const MAX_JSON_DEPTH = 64;

/** Whether `text` opens more than `max` arrays or objects at once (strings are skipped). */
export function jsonDepthExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}
