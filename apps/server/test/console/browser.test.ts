// The operator console in headless Chromium against a real server and Postgres, as a person uses it:
// sign in, register a client, open its page, issue a key (the secret shown once), revoke it, and see
// the score trend from stored snapshots (a second client's never appear). Every page gets the
// accessibility pass (axe, labels, keyboard) and a screenshot in test-output/.
import { mkdir } from "node:fs/promises";
import { complianceSnapshots } from "@tagc/db";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, TEST_OUTPUT } from "../support/chromium";
import {
  expectKeyboardReachable,
  expectLabelledControls,
  expectNoAxeViolations,
} from "../support/page-checks";
import { useHarness } from "../support/use-harness";

describe("operator console in Chromium (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let base = "";
  let closeServer: (() => Promise<void>) | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(TEST_OUTPUT, { recursive: true });
    browser = await launchChromium();
    const server = await harness().listen();
    base = server.url;
    closeServer = server.close;
    context = await browser.newContext();
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      // The error pages answer 4xx on purpose; anything else (a CSP refusal, a script error) counts.
      const expected = message
        .text()
        .startsWith("Failed to load resource: the server responded with a status of 4");
      if (message.type() === "error" && !expected) pageErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await closeServer?.();
  });

  /** The accessibility pass and a screenshot of the page now open. */
  async function checkPage(name: string) {
    await page.screenshot({ path: `${TEST_OUTPUT}console-${name}.png`, fullPage: true });
    await expectLabelledControls(page);
    await expectKeyboardReachable(page);
    await expectNoAxeViolations(context, page.url());
  }

  test("sign in, register a client, issue a key, revoke it", async () => {
    await page.goto(`${base}/console`);
    expect(new URL(page.url()).pathname).toBe("/console/sign-in");
    await checkPage("sign-in");

    await page.fill("#f-token", "not-a-token-000000000000");
    await page.click("button[type=submit]");
    expect(await page.textContent(".field-error")).toContain("token: The admin token is invalid");
    await checkPage("sign-in-error");

    await page.fill("#f-token", harness().adminToken);
    await page.click("button[type=submit]");
    expect(new URL(page.url()).pathname).toBe("/console");
    expect(await page.textContent("main")).toContain("Acme Corp");
    await checkPage("clients");

    await page.click("text=Register a client");
    await checkPage("register");
    await page.fill("#f-name", "Umbrella Corp");
    await page.fill("#f-contact_email", "cloud@umbrella.example");
    await page.fill("#f-aws_account_id", "12");
    await page.click("main button[type=submit]");
    expect(await page.textContent("#f-aws_account_id-error")).toBe("aws_account_id: must be 12 digits");
    await checkPage("register-error");
    await page.fill("#f-aws_account_id", "");
    await page.selectOption("#f-tier", "starter");
    await page.click("main button[type=submit]");
    expect(await page.textContent("#client-name")).toBe("Umbrella Corp");
    expect(await page.textContent("[role=status]")).toContain("Client registered");
    await checkPage("client-new");

    await page.fill("#f-name", "browser-key");
    await page.click("text=Issue key");
    const secret = await page.inputValue("#secret");
    expect(secret).toMatch(/^tagc_/);
    await checkPage("key-secret");
    await page.click("text=Back to the client");
    // Shown once: the client page lists the key by prefix, never the secret.
    expect(await page.content()).not.toContain(secret);
    const row = page.locator("tr", { hasText: "browser-key" });
    expect(await row.locator(".badge").textContent()).toBe("active");
    await row.locator("button", { hasText: "Revoke" }).click();
    expect(await page.textContent("[role=status]")).toContain("The key is revoked");
    expect(await page.locator("tr", { hasText: "browser-key" }).locator(".badge").textContent()).toBe(
      "revoked",
    );
    await checkPage("client-revoked");

    await page.click("text=Create onboarding link");
    expect(await page.inputValue("#link")).toContain("/onboard/");
    await checkPage("onboarding-link");

    await page.goto(`${base}/console/clients/cli_0000000000000000000000`);
    await checkPage("not-found");
  }, 240_000);

  test("the score trend chart draws the client's stored snapshots, never another client's", async () => {
    const h = harness();
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000);
    const snapshot = (clientId: string, accountId: string, ago: number, compliant: number) => ({
      clientId,
      accountId,
      scope: {},
      score: compliant / 80,
      total: 80,
      compliant,
      violationCount: 80 - compliant,
      byRegion: {},
      kind: "scheduled" as const,
      createdAt: day(ago),
    });
    await h.db.insert(complianceSnapshots).values([
      snapshot(h.acme.id, h.acme.accountId, 3, 40),
      snapshot(h.acme.id, h.acme.accountId, 2, 50),
      {
        ...snapshot(h.acme.id, h.acme.accountId, 1, 60),
        // The latest scan read spend: its gap aggregates (core's GapSummary) draw the gap charts.
        costGap: {
          currency: "USD",
          period: { start: "2026-11-01", end: "2026-12-01" },
          taggable_total: 1234.5,
          gap: 456.78,
          gap_percentage: 37,
          by_tag: [
            { tag_name: "CostCenter", cost_impact_monthly: 400.1 },
            { tag_name: "Owner", cost_impact_monthly: 56.68 },
          ],
          by_resource_type: { "ec2:instance": 300, "rds:db": 156.78 },
        },
      },
      // globex's readings (12.5% and 97.5%) must appear nowhere on acme's page.
      snapshot(h.globex.id, h.globex.accountId, 2, 10),
      snapshot(h.globex.id, h.globex.accountId, 1, 78),
    ]);
    await page.goto(`${base}/console/clients/${h.acme.id}`);
    const chart = page.locator("#score-trend svg[role=img]");
    expect(await chart.count()).toBe(1);
    expect(await chart.locator(":scope > title").textContent()).toBe("Compliance score per day");
    // One line for overall and one for acme's account, each through the three days.
    expect(await chart.locator("path, polyline").count()).toBeGreaterThanOrEqual(2);
    await page.click("#score-trend summary");
    const table = (await page.textContent("#score-trend table")) ?? "";
    expect(table).toContain(`Account ${h.acme.accountId}`);
    for (const score of ["50%", "62.5%", "75%"]) expect(table).toContain(score);
    const whole = await page.content();
    expect(whole).not.toContain(h.globex.accountId);
    for (const score of ["12.5%", "97.5%"]) expect(whole).not.toContain(score);
    expect(await page.textContent("#trend")).toContain("3 snapshots");
    // The attribution gap: the report's two bar charts, from the latest snapshot's stored gap.
    expect(await page.textContent("#gap")).toContain("$456.78 of $1,234.50 taggable spend (37%)");
    for (const id of ["gap-by-tag", "gap-by-type"]) {
      expect(await page.locator(`#${id} svg[role=img]`).count()).toBe(1);
      expect(await page.locator(`#${id} svg rect`).count()).toBeGreaterThanOrEqual(2);
    }
    await page.click("#gap-by-tag summary");
    const byTag = (await page.textContent("#gap-by-tag table")) ?? "";
    for (const cell of ["CostCenter", "$400.10", "Owner", "$56.68"]) expect(byTag).toContain(cell);
    await page.click("#gap-by-type summary");
    expect(await page.textContent("#gap-by-type table")).toContain("$156.78");
    await checkPage("client-trend");

    // globex's page draws its own two readings only.
    await page.goto(`${base}/console/clients/${h.globex.id}`);
    await page.click("#score-trend summary");
    const other = (await page.textContent("#score-trend table")) ?? "";
    expect(other).toContain("12.5%");
    expect(other).not.toContain(h.acme.accountId);
    expect(await page.textContent("#trend")).toContain("2 snapshots");
    // globex stored no spend: no gap chart, and none of acme's figures.
    expect(await page.locator("#gap svg").count()).toBe(0);
    expect(await page.textContent("#gap")).toContain("No stored snapshot has spend yet");
    expect(await page.content()).not.toContain("456.78");
    // No CSP refusal: the charts' one style attribute is admitted by its hash.
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
