// The consent step as a person does it, in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): the SDK's auth() starts the authorization, the browser opens it, the customer
// pastes an API key, sees the app, their organisation and the scopes, presses Allow, and the app's
// redirect URI receives the code; the SDK exchanges it and a tools/call works.

import { mkdir } from "node:fs/promises";
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type McpHarness, ok, startMcpHarness } from "../mcp/harness";
import { ACME } from "../mcp/seed";
import { launchChromium, TEST_OUTPUT } from "../support/chromium";
import { MemoryOAuthProvider, REDIRECT_URL } from "./client";

let h: McpHarness;
let browser: Browser | undefined;

beforeAll(async () => {
  [h, browser] = await Promise.all([startMcpHarness({ publicAtListeningUrl: true }), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe("sign-in in Chromium", () => {
  it("paste a key, Allow, and the connector reaches a working tools/call", async () => {
    const provider = new MemoryOAuthProvider({ client_name: "Claude" });
    expect(await auth(provider, { serverUrl: h.url })).toBe("REDIRECT");
    const page = await browser!.newPage();
    const scriptErrors: string[] = [];
    page.on("pageerror", (error) => scriptErrors.push(error.message));
    // The app's redirect URI: nothing listens there; the browser's request for it is what counts.
    let callback: URL | undefined;
    try {
      await page.goto(String(provider.authorizationUrl));
      expect(await page.textContent("#app-name")).toBe("Claude");
      await page.fill("#api_key", "tagc_live_wrong");
      await page.click("#continue");
      expect(await page.textContent("#error")).toContain("not a valid API key");
      // What the customer sees, kept in test-output/ for a person to look at.
      await mkdir(TEST_OUTPUT, { recursive: true });
      await page.screenshot({ path: `${TEST_OUTPUT}oauth-sign-in-wrong-key.png`, fullPage: true });
      await page.fill("#api_key", h.acme.apiKey);
      await page.click("#continue");
      expect(await page.textContent("#client-name")).toBe(h.acme.name);
      expect(await page.textContent("#scopes")).toContain("mcp:tools");
      // A tools key can read too: mcp:read is granted with it, never listed as "not granted".
      expect(await page.textContent("#scopes")).toContain("mcp:read");
      expect(await page.$("#dropped")).toBeNull();
      await page.screenshot({ path: `${TEST_OUTPUT}oauth-consent.png`, fullPage: true });
      const [arrived] = await Promise.all([
        page.waitForRequest((request) => request.url().startsWith(REDIRECT_URL)),
        page.click("#approve"),
      ]);
      callback = new URL(arrived.url());
    } finally {
      await page.close();
    }
    expect(scriptErrors).toEqual([]);
    const code = callback?.searchParams.get("code");
    expect(code).toBeTruthy();
    expect(await auth(provider, { serverUrl: h.url, authorizationCode: code ?? "" })).toBe("AUTHORIZED");

    const client = new Client({ name: "chromium-e2e", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(h.url), { authProvider: provider }));
    const result = await h.call(client, "check_tag_compliance", { resource_types: ["all"] });
    expect(JSON.stringify(ok(result))).toContain(ACME);
    await client.close();
  }, 90_000);
});
