// Server-rendered SVG charts (no charting service, no script): the console pages and the HTML
// report embed the same strings. See types.ts for the option shapes.
export { barChartSvg } from "./bar-chart";
export { escapeMarkup } from "./escape";
export { formatValue } from "./format";
export { lineChartSvg } from "./line-chart";
export { contrastRatio, SERIES_COLOURS } from "./palette";
export { type ChartTableOptions, chartTable } from "./table";
export type * from "./types";
