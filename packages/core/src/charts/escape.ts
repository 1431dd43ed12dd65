// Every label, series name and title ends up inside SVG or HTML markup, and tag values are customer
// data: one escape for text and attribute values, so a value like `"><script>` stays text.
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` safe as element content or as a double- or single-quoted attribute value. */
export const escapeMarkup = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/** Shortens a label to `max` characters with an ellipsis (the full text stays in a tooltip and the table). */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
