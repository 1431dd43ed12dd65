import { describe, expect, it } from "vitest";
import { chartTable } from "../../src/charts";

describe("chartTable", () => {
  it("renders a line chart as one row per day and one column per series, a dash for no reading", () => {
    const html = chartTable({
      title: "Score",
      format: "percent",
      series: [
        {
          name: "Overall",
          points: [
            { x: "2026-10-01T09:00:00Z", y: 0.5 },
            { x: "2026-10-02T09:00:00Z", y: null },
          ],
        },
        { name: "111111111111", points: [{ x: "2026-10-02T10:00:00Z", y: 0.25 }] },
      ],
    });
    expect(html).toBe(
      '<table class="chart-table"><caption>Score</caption><thead><tr><th scope="col">Date</th><th scope="col">Overall</th><th scope="col">111111111111</th></tr></thead>' +
        '<tbody><tr><th scope="row">2026-10-01</th><td>50%</td><td>—</td></tr><tr><th scope="row">2026-10-02</th><td>—</td><td>25%</td></tr></tbody></table>',
    );
  });

  it("renders every bar (also those past maxBars), escaped, with formatted values", () => {
    const html = chartTable(
      {
        title: "Gap <by> tag",
        format: "currency",
        maxBars: 1,
        bars: [
          { label: "<b>Owner</b>", value: 1234.5 },
          { label: "Env", value: 0.004 },
        ],
      },
      { className: "visually-hidden" },
    );
    expect(html).toContain('<table class="visually-hidden"><caption>Gap &lt;by&gt; tag</caption>');
    expect(html).toContain('<th scope="row">&lt;b&gt;Owner&lt;/b&gt;</th><td>$1,234.50</td>');
    expect(html).toContain('<th scope="row">Env</th><td>$0.00</td>');
  });
});
