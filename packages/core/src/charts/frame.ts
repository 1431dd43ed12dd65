// The accessible outer shell every chart shares: role="img" labelled by its own <title> and <desc>,
// a viewBox so the SVG scales to its container, and the fonts and colours of the page.
import { escapeMarkup } from "./escape";
import { TEXT_COLOUR } from "./palette";
import type { ChartBase } from "./types";

/** FNV-1a: a short, stable id from the title, so the same chart always gets the same ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** A token safe in an id attribute, derived from the caller's id or the title. */
export const chartId = (base: ChartBase): string =>
  `chart-${base.id ? base.id.replace(/[^A-Za-z0-9_-]/g, "-") : hash(base.title)}`;

export function svgFrame(
  base: ChartBase,
  size: { width: number; height: number },
  description: string,
  body: string[],
): string {
  const id = chartId(base);
  const { width, height } = size;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc"`,
    ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` style="max-width:100%;height:auto" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" fill="${TEXT_COLOUR}">`,
    `<title id="${id}-title">${escapeMarkup(base.title)}</title>`,
    `<desc id="${id}-desc">${escapeMarkup(base.description ?? description)}</desc>`,
    ...body,
    "</svg>",
  ].join("");
}

/** The "nothing to draw" body, centred, so an empty chart says so instead of showing bare axes. */
export const emptyBody = (width: number, height: number): string =>
  `<text x="${width / 2}" y="${height / 2}" text-anchor="middle">No data yet.</text>`;

/** Rounds a coordinate to 0.1 px: smaller SVGs and stable output for tests. */
export const px = (value: number): string => String(Math.round(value * 10) / 10);
