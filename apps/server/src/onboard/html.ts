// HTML by template literal, escaped by default: every interpolated value is text unless it is
// already SafeHtml (built by this same tag), so a client name like `<script>` renders as text.
import { escapeMarkup } from "@tagc/core";

export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

// One escape for every page and chart: core's, which the SVG charts use on tag values too.
export const escapeHtml = escapeMarkup;

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}
