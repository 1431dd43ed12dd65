// value_aliases: known misspellings of an accepted value ("Prod" for "production"), so a resource
// carrying one is told which value to use instead of being handed the whole allowed list.
import type { RequiredTag } from "./types";

/** The preferred value `value` is an alias of, or null. Exact match: aliases list each spelling. */
export function preferredValueOf(tag: RequiredTag, value: string): string | null {
  for (const [preferred, aliases] of Object.entries(tag.value_aliases ?? {})) {
    if (aliases.includes(value)) return preferred;
  }
  return null;
}
