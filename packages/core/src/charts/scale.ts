// Linear scales and "nice" ticks (steps of 1, 2 or 5 × 10ⁿ), so an axis reads 0, 250, 500 rather
// than 0, 237.4, 474.8.
import type { ValueFormat } from "./types";

export interface Scale {
  /** Maps a domain value to a pixel position. */
  at: (value: number) => number;
  ticks: number[];
  min: number;
  max: number;
}

/** The smallest nice step that splits `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw - 1e-12);
  return step ?? 10 * power;
}

/**
 * The value domain for a format: percent is always 0–100% (a score axis that zooms in exaggerates a
 * change); counts and money start at zero (or below it, for a negative value) and end on a nice tick.
 */
export function valueDomain(values: readonly number[], format: ValueFormat, tickCount = 5) {
  if (format === "percent") return { min: 0, max: 1, step: 0.25 };
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  let step = niceStep(span, tickCount);
  // Counts never tick at 2.5 resources.
  if (format === "count") step = Math.max(1, Math.ceil(step));
  // Nor money at fractions of a cent.
  if (format === "currency") step = Math.max(0.01, step);
  // `+ 0` turns the -0 of Math.floor(-0) into 0, so a tick never reads "-0".
  return { min: Math.floor(low / step) * step + 0, max: Math.ceil(high / step) * step || step, step };
}

/** A linear scale from [min, max] onto [from, to] (to may be smaller than from, as on a y axis). */
export function linearScale(
  domain: { min: number; max: number; step: number },
  from: number,
  to: number,
): Scale {
  const { min, max, step } = domain;
  const ratio = (to - from) / (max - min || 1);
  const ticks: number[] = [];
  // Integer tick indices avoid float drift (0.1 + 0.2) accumulating along the axis.
  for (let i = 0; min + i * step <= max + step * 1e-9; i++)
    ticks.push(Number((min + i * step).toPrecision(12)));
  return { at: (value) => from + (value - min) * ratio, ticks, min, max };
}
