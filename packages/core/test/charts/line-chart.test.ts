import { describe, expect, it } from "vitest";
import { lineChartSvg } from "../../src/charts";

const HOSTILE = `"><script>alert(1)</script>&'`;

const paths = (svg: string) => [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]!);
const circles = (svg: string) => [...svg.matchAll(/<circle /g)].length;

describe("lineChartSvg", () => {
  it("is an accessible image labelled by its own title and description", () => {
    const svg = lineChartSvg({
      title: "Compliance score",
      id: "score",
      format: "percent",
      series: [{ name: "Overall", points: [{ x: "2026-10-01T00:00:00Z", y: 0.5 }] }],
    });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-score-title chart-score-desc"/);
    expect(svg).toContain('<title id="chart-score-title">Compliance score</title>');
    expect(svg).toMatch(
      /<desc id="chart-score-desc">Line chart of 1 series \(Overall\) from 2026-10-01 to 2026-10-01/,
    );
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("escapes series names, titles and descriptions (customer data)", () => {
    const svg = lineChartSvg({
      title: HOSTILE,
      description: HOSTILE,
      format: "count",
      series: [{ name: HOSTILE, points: [{ x: "2026-10-01", y: 3 }] }],
    });
    expect(svg).not.toContain("<script>");
    // Attribute values stay closed: the quote in the name is an entity, not the end of data-series.
    expect(svg).toContain('data-series="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;">');
    expect(svg).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;");
  });

  it("leaves a gap at a null point instead of drawing it at zero", () => {
    const svg = lineChartSvg({
      title: "Gap",
      format: "percent",
      series: [
        {
          name: "Overall",
          points: [
            { x: "2026-10-01", y: 0.4 },
            { x: "2026-10-02", y: 0.5 },
            { x: "2026-10-03", y: null },
            { x: "2026-10-04", y: 0.7 },
            { x: "2026-10-05", y: 0.8 },
          ],
        },
      ],
    });
    const [d] = paths(svg);
    // Two segments: M…L… then a fresh M after the null.
    expect(d!.match(/M/g)).toHaveLength(2);
    expect(d!.match(/L/g)).toHaveLength(2);
    expect(circles(svg)).toBe(4);
    expect(svg).not.toContain("2026-10-03:");
  });

  it("puts y on a fixed 0–100% axis for percent and marks each reading's value", () => {
    const svg = lineChartSvg({
      title: "Score",
      format: "percent",
      series: [
        {
          name: "111111111111",
          points: [
            { x: "2026-10-01", y: 0.725 },
            { x: "2026-10-08", y: 0.9 },
          ],
        },
      ],
    });
    for (const tick of ["0%", "25%", "50%", "75%", "100%"]) expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain("<title>111111111111, 2026-10-01: 72.5%</title>");
    expect(svg).toContain(">Oct 1</text>");
  });

  it("draws one path per series with distinct colours and a legend entry each", () => {
    const svg = lineChartSvg({
      title: "Per account",
      format: "percent",
      series: ["Overall", "111111111111", "222222222222"].map((name, i) => ({
        name,
        points: [
          { x: "2026-10-01", y: 0.2 * i },
          { x: "2026-10-02", y: 0.2 * i + 0.1 },
        ],
      })),
    });
    expect(paths(svg)).toHaveLength(3);
    const strokes = new Set([...svg.matchAll(/<path [^>]*stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    expect(strokes.size).toBe(3);
    for (const name of ["Overall", "111111111111", "222222222222"]) expect(svg).toContain(`>${name}</text>`);
  });

  it("scales counts and money from zero to a nice maximum, in whole units on the ticks", () => {
    const counts = lineChartSvg({
      title: "Resources",
      format: "count",
      series: [
        {
          name: "Resources",
          points: [
            { x: "2026-10-01", y: 1234 },
            { x: "2026-10-02", y: 87 },
          ],
        },
      ],
    });
    for (const tick of ["0", "500", "1,000", "1,500"]) expect(counts).toContain(`>${tick}</text>`);
    const money = lineChartSvg({
      title: "Spend",
      format: "currency",
      series: [{ name: "Spend", points: [{ x: "2026-10-01", y: 15.399999999999999 }] }],
    });
    expect(money).toContain(">$20</text>");
    expect(money).toContain("Spend, 2026-10-01: $15.40");
  });

  it("says there is no data rather than drawing bare axes", () => {
    const svg = lineChartSvg({
      title: "Empty",
      format: "percent",
      series: [{ name: "Overall", points: [] }],
    });
    expect(svg).toContain("No data yet.");
    expect(paths(svg)).toHaveLength(0);
  });
});
