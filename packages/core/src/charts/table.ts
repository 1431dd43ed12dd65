// The same data as a chart, as a small HTML table: what a screen reader (and a copy-paste into a
// spreadsheet) gets. Line charts become one row per day and one column per series; bar charts one
// row per bar. Every cell is escaped: labels and series names are customer data.
import { escapeMarkup } from "./escape";
import { formatValue, isoDay, timeOf } from "./format";
import type { BarChartOptions, LineChartOptions } from "./types";

/** Options of the table itself. */
export interface ChartTableOptions {
  /** The table's class attribute; default "chart-table" (a page may hide it visually, not from readers). */
  className?: string;
}

const NO_READING = "—";

function table(caption: string, header: string[], rows: string[][], className: string): string {
  const head = header.map((cell) => `<th scope="col">${escapeMarkup(cell)}</th>`).join("");
  const body = rows
    .map(([first, ...rest]) => {
      const cells = rest.map((cell) => `<td>${escapeMarkup(cell)}</td>`).join("");
      return `<tr><th scope="row">${escapeMarkup(first ?? "")}</th>${cells}</tr>`;
    })
    .join("");
  return `<table class="${escapeMarkup(className)}"><caption>${escapeMarkup(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function lineRows(options: LineChartOptions): string[][] {
  // One row per day; the last reading of a series on a day is its value there.
  const days = new Map<string, Map<number, number | null>>();
  options.series.forEach((series, index) => {
    for (const point of series.points) {
      const time = timeOf(point.x);
      if (!Number.isFinite(time)) continue;
      const day = isoDay(time);
      const row = days.get(day) ?? new Map<number, number | null>();
      row.set(index, point.y);
      days.set(day, row);
    }
  });
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, row]) => [
      day,
      ...options.series.map((_, index) => {
        const y = row.get(index);
        return y === undefined || y === null ? NO_READING : formatValue(y, options.format);
      }),
    ]);
}

/** The data of a line or bar chart (the same options object) as an accessible HTML table. */
export function chartTable(
  options: LineChartOptions | BarChartOptions,
  settings: ChartTableOptions = {},
): string {
  const className = settings.className ?? "chart-table";
  if ("series" in options) {
    return table(options.title, ["Date", ...options.series.map((s) => s.name)], lineRows(options), className);
  }
  return table(
    options.title,
    ["Name", "Value"],
    options.bars.map((bar) => [bar.label, formatValue(bar.value, options.format)]),
    className,
  );
}
