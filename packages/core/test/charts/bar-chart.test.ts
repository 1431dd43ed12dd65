import { describe, expect, it } from "vitest";
import { barChartSvg } from "../../src/charts";

const bars = (svg: string) =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[2]));

describe("barChartSvg", () => {
  it("draws one bar per value, widths proportional to the values, with the value printed", () => {
    const svg = barChartSvg({
      title: "Gap by tag",
      format: "currency",
      bars: [
        { label: "CostCenter", value: 800 },
        { label: "Owner", value: 400 },
        { label: "Environment", value: 0 },
      ],
    });
    const [a, b, c] = bars(svg);
    expect(a! / b!).toBeCloseTo(2, 1);
    // A zero bar keeps a one-pixel sliver so the row is visibly there.
    expect(c).toBe(1);
    expect(svg).toContain(">$800.00</text>");
    expect(svg).toContain(">$0.00</text>");
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain("Bar chart of 3 values");
  });

  it("escapes labels and keeps the full label in the tooltip when it is shortened", () => {
    const label = `<img src=x onerror="alert(1)"> a very long tag value that keeps going`;
    const svg = barChartSvg({ title: "Hostile", format: "count", bars: [{ label, value: 3 }] });
    expect(svg).not.toContain("<img");
    expect(svg).toContain(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; a very long tag value that keeps going: 3",
    );
    expect(svg).toContain(">&lt;img src=x onerror=&quot;ale…</text>");
  });

  it("draws at most maxBars and says how many were left for the table", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ label: `type-${i}`, value: 20 - i }));
    const svg = barChartSvg({ title: "Types", format: "count", bars: many, maxBars: 5 });
    expect(bars(svg)).toHaveLength(5);
    expect(svg).toContain("Bar chart of 20 values, the largest 5 drawn");
  });

  it("counts tick in whole numbers", () => {
    const svg = barChartSvg({ title: "Few", format: "count", bars: [{ label: "a", value: 2 }] });
    expect(svg).not.toMatch(/>0\.5</);
    expect(svg).toContain(">2</text>");
  });

  it("says there is no data for an empty list", () => {
    expect(barChartSvg({ title: "None", format: "count", bars: [] })).toContain("No data yet.");
  });
});
