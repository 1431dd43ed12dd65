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

/**
 * A whole page of ours: no external assets (an empty data: icon, so the browser does not ask for
 * /favicon.ico), kept out of search engines, with one inline stylesheet under the CSP `nonce`.
 */
export function htmlDocument(page: { title: string; nonce: string; style: string; body: SafeHtml }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${page.title}</title>
<style nonce="${page.nonce}">${new SafeHtml(page.style)}</style>
</head>
${page.body}
</html>`.value;
}
