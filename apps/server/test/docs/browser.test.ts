// /docs in headless Chromium, as an operator uses it: every request off this origin is blocked and
// recorded (none may be attempted), no CSP violation or script error occurs, the operations render
// with their Markdown rendered, and a try-it request to List clients with the admin token answers 200
// with both tenants. A screenshot lands in test-output/.
import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, TEST_OUTPUT } from "../support/chromium";
import { useHarness } from "../support/use-harness";

const TAGS = ["clients", "api-keys", "oauth-grants", "policy", "usage", "audit", "schedules"];

interface Watch {
  offOrigin: string[];
  sent: { method: string; url: string; authorization: string | undefined }[];
  problems: string[];
}

/** Blocks and records every request to another origin, and collects script errors and CSP reports. */
async function watch(page: Page, origin: string): Promise<Watch> {
  const seen: Watch = { offOrigin: [], sent: [], problems: [] };
  await page.route("**/*", (route) => {
    const request = route.request();
    if (new URL(request.url()).origin !== origin) {
      seen.offOrigin.push(request.url());
      return route.abort("blockedbyclient");
    }
    seen.sent.push({
      method: request.method(),
      url: request.url(),
      authorization: request.headers().authorization,
    });
    return route.continue();
  });
  page.on("pageerror", (error) => seen.problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") seen.problems.push(message.text());
  });
  return seen;
}

describe("/docs in Chromium (postgres)", () => {
  const harness = useHarness({ kind: "postgres" });
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("renders every tag and Markdown offline, and try-it lists the clients with the admin token", async () => {
    const h = harness();
    const server = await h.listen();
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      const seen = await watch(page, new URL(server.url).origin);
      await page.goto(`${server.url}/docs`);

      // The introduction and the first operation: Markdown rendered, not shown as source.
      const intro = page.locator("strong", { hasText: "an admin credential" });
      await intro.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.locator("code", { hasText: "ADMIN_BOOTSTRAP_TOKEN" }).count())
        .toBeGreaterThan(0);
      await page.getByRole("heading", { name: "Register a client" }).waitFor();
      for (const word of ["pending", "Idempotency-Key"])
        expect(
          await page.locator("code", { hasText: new RegExp(`^${word}$`) }).count(),
          word,
        ).toBeGreaterThan(0);
      // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, not the page's scripts and styles
      const text = await page.locator("body").innerText();
      expect(text).not.toContain("**");
      expect(text).not.toContain("`");
      expect(text).toContain("Tag Compliance Cloud");

      // Every tag is a sidebar group; the clients group lists its operations.
      for (const tag of TAGS)
        expect(
          await page.getByRole("button", { name: new RegExp(`^(Open|Close) Group - ${tag}$`) }).count(),
          tag,
        ).toBe(1);
      for (const summary of ["Register a client", "List clients", "Offboard a client"])
        await expect
          .poll(() => page.getByRole("link", { name: summary }).count(), { message: summary })
          .toBeGreaterThan(0);

      await mkdir(TEST_OUTPUT, { recursive: true });
      await page.screenshot({ path: `${TEST_OUTPUT}docs-reference.png` });

      // Try it: List clients, with the bootstrap admin token typed into the client's auth field.
      await page.getByRole("link", { name: "List clients" }).first().click();
      await page.getByRole("button", { name: "Test Request (get /v1/clients)" }).click();
      const client = page.getByRole("dialog");
      await client.getByPlaceholder("Token").fill(h.adminToken);
      await client.getByRole("button", { name: /^Send Request/ }).click();
      await client.getByText("200 OK").waitFor({ timeout: 30_000 });
      // The status line comes first; the body viewer fills in after it (later on a loaded machine).
      for (const tenant of [h.acme, h.globex])
        await expect.poll(() => client.textContent(), { timeout: 30_000 }).toContain(tenant.id);

      const listed = seen.sent.filter((request) => new URL(request.url).pathname === "/v1/clients");
      expect(listed).toEqual([
        { method: "GET", url: `${server.url}/v1/clients?limit=50`, authorization: `Bearer ${h.adminToken}` },
      ]);
      // The page itself asked for nothing but its own origin: page, renderer, document, one API call.
      expect(seen.offOrigin).toEqual([]);
      expect(seen.problems).toEqual([]);
      expect(new Set(seen.sent.map((request) => new URL(request.url).pathname))).toEqual(
        new Set([
          "/docs",
          expect.stringMatching(/^\/docs\/assets\/scalar-[\d.]+\/standalone\.js$/),
          "/v1/openapi.json",
          "/v1/clients",
        ]),
      );

      await page.screenshot({ path: `${TEST_OUTPUT}docs-try-it.png` });
    } finally {
      await page.close();
      await server.close();
    }
  });
});
