import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contrastRatio, SERIES_COLOURS } from "../../src/charts";
import { MUTED_TEXT_COLOUR, TEXT_COLOUR } from "../../src/charts/palette";
import { linearScale, niceStep, valueDomain } from "../../src/charts/scale";

describe("chart scales", () => {
  it.each([
    [100, 5, 20],
    [1234, 5, 500],
    [7, 5, 2],
    [0.9, 4, 0.5],
  ])("niceStep(%d, %d) is %d", (span, count, step) => {
    expect(niceStep(span, count)).toBe(step);
  });

  it("covers every value with nice ticks that start at or below zero", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -100_000_000, max: 100_000_000 }).map((cents) => cents / 100),
          { minLength: 1 },
        ),
        (values) => {
          const domain = valueDomain(values, "currency");
          expect(domain.min).toBeLessThanOrEqual(Math.min(0, ...values));
          expect(domain.max).toBeGreaterThanOrEqual(Math.max(...values));
          const scale = linearScale(domain, 0, 100);
          expect(scale.ticks[0]).toBe(domain.min);
          expect(scale.ticks.at(-1)).toBeCloseTo(domain.max);
          expect(scale.ticks.length).toBeLessThanOrEqual(12);
        },
      ),
    );
  });

  it("maps the domain ends onto the pixel range, inverted for a y axis", () => {
    const y = linearScale({ min: 0, max: 1, step: 0.25 }, 200, 20);
    expect([y.at(0), y.at(1), y.at(0.5)]).toEqual([200, 20, 110]);
    expect(y.ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("keeps counts to whole ticks", () => {
    expect(valueDomain([1], "count").step).toBe(1);
    expect(valueDomain([0, 0], "count")).toEqual({ min: 0, max: 1, step: 1 });
  });

  it("has text and series colours with at least 4.5:1 contrast on white", () => {
    for (const colour of [...SERIES_COLOURS, TEXT_COLOUR, MUTED_TEXT_COLOUR])
      expect(contrastRatio(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
  });
});
