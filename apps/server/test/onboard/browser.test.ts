// The onboarding page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// open the link, check what the customer sees, pick another region, follow Launch stack into the
// sandbox's CreateStack (the template read from its S3 URL), and watch the page turn Connected and
// show the Claude instructions. A screenshot lands in test-output/.
import { mkdir, readFile, stat } from "node:fs/promises";
import { PAGE_VERIFY_AFTER_MS } from "@tagc/services";
import { customerAdminFor, deployFromQuickCreateUrl, TestClock } from "@tagc/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, TEST_OUTPUT } from "../support/chromium";
import { issueLink, pagePath, pendingClient } from "../support/onboarding";
import { useHarness } from "../support/use-harness";

const SCREENSHOT = `${TEST_OUTPUT}onboarding-connected.png`;

describe("onboarding page in Chromium (postgres)", () => {
  // The services' clock: moved past the status endpoint's 10 s rate limit instead of sleeping.
  const clock = new TestClock();
  const harness = useHarness({ kind: "postgres", now: clock.now });
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("open the link, pick a region, launch the stack, see Connected and the Claude instructions", async () => {
    const h = harness();
    const client = await pendingClient(h, "Umbrella Corp");
    const link = await issueLink(h, client.id);
    const server = await h.listen();
    const page = await browser!.newPage();
    const scriptErrors: string[] = [];
    page.on("pageerror", (error) => scriptErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") scriptErrors.push(message.text());
    });
    try {
      await page.goto(`${server.url}${pagePath(link)}`);
      expect(await page.textContent("#client-name")).toBe("Umbrella Corp");
      expect(await page.textContent("#external-id")).toBe(client.externalId);

      const launch = () => page.getAttribute("#launch", "href").then((href) => new URL(href ?? ""));
      const before = await launch();
      expect(before.origin + before.pathname).toBe("https://console.aws.amazon.com/cloudformation/home");
      expect(before.searchParams.get("region")).toBe("us-east-1");
      const fragment = new URLSearchParams(before.hash.replace(/^#\/stacks\/quickcreate\?/, ""));
      expect(fragment.get("param_ExternalId")).toBe(client.externalId);
      expect(fragment.get("param_RoleName")).toBe(client.roleName);

      await page.selectOption("#region", "eu-west-1");
      const after = await launch();
      expect(after.searchParams.get("region")).toBe("eu-west-1");
      // Only the region changed: the template, External ID and role name stay in the fragment.
      expect(after.hash).toBe(before.hash);
      expect(await page.textContent("#region-shown")).toBe("eu-west-1");

      // Before the stack exists the page polls and stays pending, with the fix-it text.
      await expect
        .poll(() => page.textContent("#checked"), { timeout: 20_000, interval: 250 })
        .toMatch(/^Last checked/);
      expect(await page.getAttribute("#status", "data-status")).toBe("pending");
      expect(await page.isVisible("#claude")).toBe(false);
      expect(await page.isVisible("#problem")).toBe(true);
      expect(await page.textContent("#problem-fix")).toContain(
        "Re-deploy the stack from the onboarding link",
      );

      // The customer's click: the Launch stack href, followed into the sandbox's CreateStack.
      const admin = customerAdminFor(client.accountId);
      await deployFromQuickCreateUrl({
        url: (await launch()).href,
        endpoint: h.sandbox.url,
        credentials: { accessKeyId: admin.access_key_id, secretAccessKey: admin.secret_access_key },
      });
      clock.advance(PAGE_VERIFY_AFTER_MS);
      await page.waitForSelector("#claude", { state: "visible", timeout: 20_000 });
      expect(await page.textContent("#status")).toBe("Connected");
      expect(await page.isVisible("#problem")).toBe(false);
      expect(await page.textContent("#claude-code")).toContain(
        `claude mcp add --transport http tag-compliance ${h.env.PUBLIC_BASE_URL}/mcp`,
      );
      expect(await page.textContent("#claude-desktop")).toContain('"mcp-remote"');
      expect(await page.content()).not.toContain("tagc_live_");
      expect(scriptErrors).toEqual([]);

      await mkdir(TEST_OUTPUT, { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      const png = await readFile(SCREENSHOT);
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      expect((await stat(SCREENSHOT)).size).toBeGreaterThan(20_000);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
