// A horizontal bar chart as one SVG string: one row per bar with its (escaped, shortened) label on
// the left, the bar from zero, and its formatted value at the bar's end. The height follows the
// number of bars, so ten tags and two tags both read at the same size.
import { escapeMarkup, truncate } from "./escape";
import { formatTick, formatValue } from "./format";
import { emptyBody, px, svgFrame } from "./frame";
import { colourAt, GRID_COLOUR, MUTED_TEXT_COLOUR } from "./palette";
import { linearScale, valueDomain } from "./scale";
import type { BarChartOptions } from "./types";

const ROW = 26;
const BAR = 16;
const LABEL_CHARS = 24;
const MARGIN = { top: 10, right: 90, bottom: 26, left: 180 };

function describe(options: BarChartOptions, shown: number): string {
  const total = options.bars.length;
  const head = `Bar chart of ${total} ${total === 1 ? "value" : "values"}`;
  const cut = shown < total ? `, the largest ${shown} drawn` : "";
  return `${head}${cut}; the table that follows lists every value.`;
}

/** Renders `options` as a self-contained, accessible SVG bar chart (see BarChartOptions). */
export function barChartSvg(options: BarChartOptions): string {
  const width = options.width ?? 640;
  const bars = options.bars.filter((bar) => Number.isFinite(bar.value)).slice(0, options.maxBars ?? 12);
  if (bars.length === 0) {
    return svgFrame(options, { width, height: 80 }, "No data yet.", [emptyBody(width, 80)]);
  }
  const height = MARGIN.top + bars.length * ROW + MARGIN.bottom;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const domain = valueDomain(
    bars.map((bar) => bar.value),
    options.format,
    4,
  );
  const x = linearScale(domain, plot.left, plot.right);
  const zero = x.at(0);

  const body: string[] = [];
  for (const tick of x.ticks) {
    const at = px(x.at(tick));
    body.push(
      `<line x1="${at}" x2="${at}" y1="${MARGIN.top}" y2="${plot.bottom}" stroke="${GRID_COLOUR}"/>`,
      `<text x="${at}" y="${plot.bottom + 16}" text-anchor="middle" fill="${MUTED_TEXT_COLOUR}">${formatTick(tick, options.format, domain.step)}</text>`,
    );
  }
  const colour = colourAt(0);
  bars.forEach((bar, index) => {
    const top = MARGIN.top + index * ROW + (ROW - BAR) / 2;
    const end = x.at(bar.value);
    const value = formatValue(bar.value, options.format);
    const label = escapeMarkup(bar.label);
    body.push(
      `<g class="bar" data-label="${label}">`,
      `<title>${label}: ${escapeMarkup(value)}</title>`,
      `<text x="${plot.left - 8}" y="${px(top + BAR / 2)}" dy="0.32em" text-anchor="end">${escapeMarkup(truncate(bar.label, LABEL_CHARS))}</text>`,
      // A zero bar is still one pixel wide, so the row visibly has a bar (and a bounding box).
      `<rect x="${px(Math.min(zero, end))}" y="${px(top)}" width="${px(Math.max(1, Math.abs(end - zero)))}" height="${BAR}" fill="${colour}"/>`,
      `<text x="${px(Math.max(zero, end) + 6)}" y="${px(top + BAR / 2)}" dy="0.32em">${escapeMarkup(value)}</text>`,
      "</g>",
    );
  });
  body.push(
    `<line x1="${px(zero)}" x2="${px(zero)}" y1="${MARGIN.top}" y2="${plot.bottom}" stroke="${MUTED_TEXT_COLOUR}"/>`,
  );
  return svgFrame(options, { width, height }, describe(options, bars.length), body);
}
