// A time-series line chart as one SVG string: y grid and ticks in the series' format, dates on x,
// one path per series in which a null point starts a new segment (a gap, never a drop to zero), a
// marker per reading (so an isolated reading still shows) with its value as a tooltip, and a legend
// (legend.ts).
import { escapeMarkup } from "./escape";
import { formatDay, formatTick, formatValue, isoDay, timeOf } from "./format";
import { emptyBody, px, svgFrame } from "./frame";
import { legend } from "./legend";
import { colourAt, dashAt, GRID_COLOUR, MUTED_TEXT_COLOUR } from "./palette";
import { linearScale, niceStep, valueDomain } from "./scale";
import type { LineChartOptions, LineSeries } from "./types";

const DAY = 86_400_000;
const MARGIN = { top: 16, right: 20, bottom: 30, left: 64 };

interface Reading {
  time: number;
  y: number | null;
}

const readingsOf = (series: LineSeries): Reading[] =>
  series.points
    .map((point) => ({ time: timeOf(point.x), y: point.y }))
    .filter((reading) => Number.isFinite(reading.time))
    .sort((a, b) => a.time - b.time);

/** Path data with a new `M` after every null, so a missing reading leaves a gap. */
function pathOf(readings: Reading[], x: (t: number) => number, y: (v: number) => number): string {
  let path = "";
  let pen = false;
  for (const reading of readings) {
    if (reading.y === null || !Number.isFinite(reading.y)) {
      pen = false;
      continue;
    }
    path += `${pen ? "L" : "M"}${px(x(reading.time))} ${px(y(reading.y))}`;
    pen = true;
  }
  return path;
}

/** Day-aligned x ticks, at most about one per 90 px. */
function timeTicks(min: number, max: number, width: number): number[] {
  const days = Math.max(1, Math.round((max - min) / DAY));
  const step = Math.max(1, Math.ceil(niceStep(days, Math.max(2, Math.floor(width / 90))))) * DAY;
  const first = Math.ceil(min / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = first; t <= max; t += step) ticks.push(t);
  return ticks.length > 0 ? ticks : [min];
}

function describe(options: LineChartOptions, all: Reading[]): string {
  const times = all.map((r) => r.time);
  const names = options.series.map((s) => s.name).join(", ");
  return `Line chart of ${options.series.length} series (${names}) from ${isoDay(Math.min(...times))} to ${isoDay(Math.max(...times))}; the table that follows lists every value.`;
}

/** Renders `options` as a self-contained, accessible SVG line chart (see LineChartOptions). */
export function lineChartSvg(options: LineChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const series = options.series.map(readingsOf);
  const all = series.flat();
  const values = all.flatMap((r) => (r.y === null || !Number.isFinite(r.y) ? [] : [r.y]));
  if (all.length === 0)
    return svgFrame(options, { width, height }, "No data yet.", [emptyBody(width, height)]);

  const times = all.map((r) => r.time);
  // One reading (or one day) still needs a span: half a day either side centres it.
  let [tMin, tMax] = [Math.min(...times), Math.max(...times)];
  if (tMax - tMin < DAY) [tMin, tMax] = [tMin - DAY / 2, tMax + DAY / 2];
  const key = legend(
    options.series.map((s) => s.name),
    MARGIN.left,
    width - MARGIN.right,
  );
  const plot = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top + key.height,
    bottom: height - MARGIN.bottom,
  };
  const y = linearScale(valueDomain(values, options.format), plot.bottom, plot.top);
  const x = (t: number) => plot.left + ((t - tMin) / (tMax - tMin)) * (plot.right - plot.left);
  const step = y.ticks[1] !== undefined && y.ticks[0] !== undefined ? y.ticks[1] - y.ticks[0] : 1;
  const withYear = new Date(tMin).getUTCFullYear() !== new Date(tMax).getUTCFullYear();

  const body: string[] = [...key.svg];
  for (const tick of y.ticks) {
    const at = px(y.at(tick));
    body.push(
      `<line x1="${plot.left}" x2="${plot.right}" y1="${at}" y2="${at}" stroke="${GRID_COLOUR}"/>`,
      `<text x="${plot.left - 8}" y="${at}" dy="0.32em" text-anchor="end" fill="${MUTED_TEXT_COLOUR}">${formatTick(tick, options.format, step)}</text>`,
    );
  }
  for (const tick of timeTicks(tMin, tMax, plot.right - plot.left)) {
    body.push(
      `<text x="${px(x(tick))}" y="${plot.bottom + 18}" text-anchor="middle" fill="${MUTED_TEXT_COLOUR}">${formatDay(tick, withYear)}</text>`,
    );
  }
  body.push(
    `<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${MUTED_TEXT_COLOUR}"/>`,
  );

  series.forEach((readings, index) => {
    const name = options.series[index]!.name;
    const colour = colourAt(index);
    const dash = dashAt(index);
    body.push(
      `<g class="series" data-series="${escapeMarkup(name)}">`,
      `<path d="${pathOf(readings, x, y.at)}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
    );
    for (const reading of readings) {
      if (reading.y === null || !Number.isFinite(reading.y)) continue;
      const label = `${name}, ${isoDay(reading.time)}: ${formatValue(reading.y, options.format)}`;
      body.push(
        `<circle cx="${px(x(reading.time))}" cy="${px(y.at(reading.y))}" r="3" fill="${colour}"><title>${escapeMarkup(label)}</title></circle>`,
      );
    }
    body.push("</g>");
  });

  return svgFrame(options, { width, height }, describe(options, all), body);
}
