// Claude Desktop's bridge, run exactly as the demo's claude_desktop_config.json runs it (`npx -y
// mcp-remote <url> --header Authorization:${AUTH_HEADER}`, the locked mcp-remote from this package),
// driven over stdio by the SDK's own client: initialize, tools/list, tools/call, for two tenants. A
// revoked key ends with a message that names the key and says what to change, not "Dynamic Client
// Registration rejected (HTTP 404)". Without a header the bridge signs in with OAuth: the customer
// approves in Chromium, and the bridge reaches the tools with the token it got.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { freePort } from "@tagc/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeConfigs } from "../../src/demo/summary";
import { launchChromium } from "../support/chromium";
import { type McpHarness, ok, startMcpHarness } from "./harness";
import { ACME, GLOBEX } from "./seed";

const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN = { authorization: "Bearer e2e-admin-token-000000000000000" };

let h: McpHarness;
let browser: Browser | undefined;
let configDir: string;
beforeAll(async () => {
  [h, browser] = await Promise.all([startMcpHarness({ publicAtListeningUrl: true }), launchChromium()]);
  // mcp-remote keeps registrations and tokens here instead of ~/.mcp-auth.
  configDir = await mkdtemp(join(tmpdir(), "tagc-mcp-remote-"));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

interface Bridge {
  client: Client;
  stderr(): string;
  connected: Promise<void>;
  close(): Promise<void>;
}

/** The bridge as Claude Desktop starts it: the command, arguments and env of the printed config. */
function bridge(server: { command: string; args: string[]; env?: Record<string, string> }): Bridge {
  let stderr = "";
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args,
    cwd: PACKAGE_DIR,
    // Offline: npx must run the locked mcp-remote from node_modules, never fetch another version.
    env: {
      ...(process.env as Record<string, string>),
      ...server.env,
      npm_config_offline: "true",
      MCP_REMOTE_CONFIG_DIR: configDir,
    },
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const client = new Client({ name: "claude-desktop-e2e", version: "1.0.0" });
  // Bounded: a bridge waiting for a sign-in nobody does fails here, and the test still closes it.
  const connected = Promise.race([
    client.connect(transport),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`the bridge did not connect within 40 s:\n${stderr}`)),
        40_000,
      ).unref(),
    ),
  ]);
  // Observed by the caller; never an unhandled rejection when a test expects the failure.
  connected.catch(() => undefined);
  return { client, stderr: () => stderr, connected, close: () => client.close() };
}

function desktopServer(apiKey: string, name: string) {
  const config = JSON.parse(claudeConfigs(h.url, apiKey, name).claudeDesktop) as {
    mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }>;
  };
  const server = config.mcpServers[name];
  if (!server) throw new Error(`the printed config has no server ${name}`);
  return server;
}

describe("mcp-remote as Claude Desktop runs it", () => {
  it("initialize, tools/list and tools/call over stdio, each tenant on its own account", async () => {
    for (const [label, tenant, own, other] of [
      ["acme", h.acme, ACME, GLOBEX],
      ["globex", h.globex, GLOBEX, ACME],
    ] as const) {
      const remote = bridge(desktopServer(tenant.apiKey, `tagc-${label}`));
      try {
        await remote.connected;
        expect(remote.client.getServerVersion()?.name).toBeTruthy();
        const { tools } = await remote.client.listTools();
        expect(tools).toHaveLength(17);
        const result = await remote.client.callTool({
          name: "check_tag_compliance",
          arguments: { resource_types: ["all"] },
        });
        const text = JSON.stringify(ok(result as never));
        expect(text).toContain(own);
        expect(text).not.toContain(other);
      } finally {
        await remote.close();
      }
    }
  }, 120_000);

  it("a revoked key ends in a message naming the key and what to change", async () => {
    const key = await h.issueKey(h.acme);
    const revoked = await fetch(`${h.url.replace(/\/mcp$/, "")}/v1/clients/${h.acme.id}/api-keys/${key.id}`, {
      method: "DELETE",
      headers: ADMIN,
    });
    expect(revoked.status).toBe(200);
    const remote = bridge(desktopServer(key.secret, "tagc-acme-revoked"));
    try {
      await expect(remote.connected).rejects.toThrow();
      const said = remote.stderr();
      expect(said).toContain(`API key ${key.secret.slice(0, 16)}`);
      expect(said).toContain("is revoked");
      expect(said).toContain("Put a current API key in the header");
      expect(said).not.toContain("HTTP 404");
      // The secret itself never appears beyond its published prefix.
      expect(said).not.toContain(key.secret);
    } finally {
      await remote.close();
    }
  }, 60_000);

  it("without a header, signs in with OAuth in the browser and reaches the tools", async () => {
    const port = await freePort();
    // The printed configuration without its --header: the bridge has nothing but the URL.
    const { command, args } = desktopServer(h.acme.apiKey, "tagc-acme-oauth");
    const remote = bridge({ command, args: [...args.slice(0, 3), String(port)] });
    try {
      const authorizeUrl = await waitFor(() => /visiting:\s*\n(\S+)/.exec(remote.stderr())?.[1], 30_000);
      expect(new URL(authorizeUrl).searchParams.get("resource")).toBe(h.url);
      const page = await browser!.newPage();
      try {
        await page.goto(authorizeUrl);
        await page.fill("#api_key", h.acme.apiKey);
        await page.click("#continue");
        expect(await page.textContent("#client-name")).toBe(h.acme.name);
        await Promise.all([
          page.waitForURL((url) => url.port === String(port), { timeout: 15_000 }),
          page.click("#approve"),
        ]);
      } finally {
        await page.close();
      }
      await remote.connected;
      const result = await remote.client.callTool({
        name: "check_tag_compliance",
        arguments: { resource_types: ["all"] },
      });
      const text = JSON.stringify(ok(result as never));
      expect(text).toContain(ACME);
      expect(text).not.toContain(GLOBEX);
    } finally {
      await remote.close();
    }
  }, 120_000);
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
