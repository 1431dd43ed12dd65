// The data shapes the chart renderers take. Plain data only, so the console page, the HTML report and
// the tests build them from whatever they read and every renderer stays a pure function.

/**
 * How a value reads on an axis, in a label and in the companion table:
 * - `percent`: a 0–1 ratio (a compliance score), shown as "72.5%"; the axis is fixed at 0–100%.
 * - `count`: whole things (resources, scans), shown as "1,234"; ticks are whole numbers.
 * - `currency`: US dollars, shown rounded to cents ("$1,234.50"); ticks in whole dollars.
 */
export type ValueFormat = "percent" | "count" | "currency";

/** One point of a time series. `y: null` means "no reading here": the line breaks, it never dips to 0. */
export interface LinePoint {
  /** A Date or an ISO 8601 string; drawn on a UTC time axis. */
  x: Date | string;
  y: number | null;
}

/** One named line. The name is customer data (an account id, a tag value) and is always escaped. */
export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
}

/** Options shared by every chart. */
export interface ChartBase {
  /** Read first by a screen reader (the SVG `<title>`), shown as the table caption. */
  title: string;
  /** A sentence on what the chart shows (the SVG `<desc>`); defaults to one built from the data. */
  description?: string;
  /**
   * The id the `<title>`/`<desc>` ids derive from; give one when a page holds two charts with the
   * same title. Defaults to a stable hash of the title.
   */
  id?: string;
  /** Width in CSS pixels of the viewBox; the SVG scales down to its container. Default 640. */
  width?: number;
}

/** lineChartSvg: one or more series over time. */
export interface LineChartOptions extends ChartBase {
  series: readonly LineSeries[];
  /** How y values read. */
  format: ValueFormat;
  /** Height of the viewBox. Default 260. */
  height?: number;
}

/** One bar: a label (customer data, escaped) and its value. */
export interface Bar {
  label: string;
  value: number;
}

/** barChartSvg: horizontal bars, drawn in the order given (sort before calling). */
export interface BarChartOptions extends ChartBase {
  bars: readonly Bar[];
  format: ValueFormat;
  /** Bars past this many are left out of the SVG (the table keeps them all). Default 12. */
  maxBars?: number;
}
