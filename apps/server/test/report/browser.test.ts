// The HTML compliance report in headless Chromium (issue 15, "must be true"): a scan through the MCP
// SDK client over HTTP against the AWS sandbox, the html report's signed URL opened in the browser,
// its three SVG charts rendered with real boxes, nothing fetched but the page itself, and the score,
// totals and violation counts on the page equal to check_tag_compliance's for the same scan. Globex
// makes its own report; neither page names the other's account. Screenshot and PDF in test-output/.
import { mkdir, writeFile } from "node:fs/promises";
import { formatScore } from "@tagc/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type McpHarness, ok, startMcpHarness } from "../mcp/harness";
import { ACME, GLOBEX } from "../mcp/seed";
import { launchChromium, TEST_OUTPUT } from "../support/chromium";

const DAY = 86_400_000;

interface Check {
  compliance_score: number;
  total_resources: number;
  compliant_resources: number;
  non_compliant_resources: number;
  violation_counts: { total: number; errors: number; warnings: number };
  scan_timestamp: string;
}
interface Report {
  format: string;
  scan_timestamp: string;
  download: { url: string; content_type: string };
}

describe("HTML compliance report in Chromium (postgres)", () => {
  let h: McpHarness;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // Download URLs on the listening server, so the browser can open them.
    h = await startMcpHarness({ publicAtListeningUrl: true });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Opens `url`, recording every request the page makes. */
  async function open(url: string) {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const response = await page.goto(url);
    return { page, requests, response };
  }

  test("the charts render and the numbers equal check_tag_compliance's for the same scan", async () => {
    const acme = await h.connect(h.acme.apiKey);
    const globex = await h.connect(h.globex.apiKey);
    // Three days of stored snapshots for the trend line (the scan memo is per day of the clock).
    for (let day = 0; day < 3; day++) {
      ok(await h.call(acme, "check_tag_compliance", { resource_types: ["all"], store_snapshot: true }));
      h.clock.advance(DAY);
    }
    ok(await h.call(globex, "check_tag_compliance", { resource_types: ["all"], store_snapshot: true }));

    const check = ok<Check>(
      await h.call(acme, "check_tag_compliance", { resource_types: ["all"], severity: "all" }),
    );
    const report = ok<Report>(
      await h.call(acme, "generate_compliance_report", { resource_types: ["all"], format: "html" }),
    );
    expect(report.format).toBe("html");
    // The same scan: the report was rendered from the check's scan, not a fresh one.
    expect(report.scan_timestamp).toBe(check.scan_timestamp);

    const { page, requests, response } = await open(report.download.url);
    try {
      expect(response?.status()).toBe(200);
      expect(response?.headers()["content-security-policy"]).toContain("sandbox");
      // Self-contained: the document is the only request.
      expect(requests).toEqual([report.download.url]);

      const charts = page.locator("svg.chart");
      expect(await charts.count()).toBe(3);
      for (const chart of await charts.all()) {
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.height).toBeGreaterThan(50);
        expect(await chart.getAttribute("role")).toBe("img");
      }
      // The trend draws one line overall and one for the account, each through three days.
      const lines = page.locator("#chart-score-trend-title").locator("xpath=..").locator("g.series path");
      expect(await lines.count()).toBe(2);
      for (const line of await lines.all()) expect((await line.boundingBox())?.width).toBeGreaterThan(100);
      const bars = page.locator("g.bar rect");
      expect(await bars.count()).toBeGreaterThan(0);
      for (const bar of await bars.all()) expect((await bar.boundingBox())?.width).toBeGreaterThan(0);

      const metric = (name: string) => page.locator(`[data-metric="${name}"]`).textContent();
      const count = (n: number) => n.toLocaleString("en-US");
      expect(await metric("compliance_score")).toBe(formatScore(check.compliance_score));
      expect(await metric("total_resources")).toBe(count(check.total_resources));
      expect(await metric("compliant_resources")).toBe(count(check.compliant_resources));
      expect(await metric("non_compliant_resources")).toBe(count(check.non_compliant_resources));
      expect(await metric("violations")).toBe(count(check.violation_counts.total));
      expect(await metric("errors")).toBe(count(check.violation_counts.errors));
      expect(await metric("warnings")).toBe(count(check.violation_counts.warnings));
      expect(await page.locator("#top-violations tbody tr").count()).toBeGreaterThan(0);

      const text = (await page.textContent("body")) ?? "";
      expect(text).toContain(ACME);
      expect(text).not.toContain(GLOBEX);

      await mkdir(TEST_OUTPUT, { recursive: true });
      await page.screenshot({ path: `${TEST_OUTPUT}compliance-report.png`, fullPage: true });
      // Printable: Chromium's print-to-PDF of the page is a real PDF.
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await writeFile(`${TEST_OUTPUT}compliance-report.pdf`, pdf);
    } finally {
      await page.close();
    }

    const other = ok<Report>(
      await h.call(globex, "generate_compliance_report", { resource_types: ["all"], format: "html" }),
    );
    const second = await open(other.download.url);
    try {
      const text = (await second.page.textContent("body")) ?? "";
      expect(text).toContain(GLOBEX);
      expect(text).not.toContain(ACME);
      expect(second.requests).toEqual([other.download.url]);
    } finally {
      await second.page.close();
    }
  });
});
