// Values as a chart shows them: full precision (cents, one decimal of a percent) in labels, tooltips
// and the table; shorter on axis ticks, where every tick shares the step's precision.
import { formatUsd } from "../report/money";
import type { ValueFormat } from "./types";

const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const wholeDollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

/** A value for a label or a table cell: "72.5%", "1,234", "$1,234.50". */
export function formatValue(value: number, format: ValueFormat): string {
  if (format === "percent") return `${Math.round(value * 1000) / 10}%`;
  if (format === "count") return count.format(value);
  return formatUsd(value);
}

/** A tick label: whole percents and dollars unless the step itself is a fraction. */
export function formatTick(value: number, format: ValueFormat, step: number): string {
  if (format === "percent") return `${Math.round(value * 100)}%`;
  if (format === "count") return count.format(value);
  return step >= 1 ? wholeDollars.format(value) : formatUsd(value);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A UTC date as "Oct 15", or "Oct 15, 2026" when the axis spans more than one year. */
export function formatDay(time: number, withYear: boolean): string {
  const date = new Date(time);
  const day = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return withYear ? `${day}, ${date.getUTCFullYear()}` : day;
}

/** The ISO day "2026-10-15" (UTC), for table rows and machine-readable labels. */
export const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** A Date or ISO string as epoch milliseconds; NaN for a string that is not a date. */
export const timeOf = (x: Date | string): number => (x instanceof Date ? x.getTime() : Date.parse(x));
