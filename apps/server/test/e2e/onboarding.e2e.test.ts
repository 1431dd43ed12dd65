// The whole customer journey, as the people in it do it: the operator registers a client and sends
// the onboarding link; the customer opens it in a browser and clicks Launch stack, which the cloud
// admin follows into CloudFormation's CreateStack (the template read from its S3 URL); the background
// poller moves the client to connected with every probe listed; the operator issues a key; Claude's
// MCP client calls tools; the customer deletes the stack and the next call says access was revoked.
// Globex, onboarded beside it, is untouched throughout.
import { runVerificationSweep } from "@tagc/services";
import {
  customerAdminFor,
  deleteStackAndWait,
  deployFromQuickCreateUrl,
  parseQuickCreateUrl,
} from "@tagc/testkit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, ok, startMcpHarness } from "../mcp/harness";
import { launchChromium, TEST_OUTPUT } from "../support/chromium";
import { type Contract, contractOf } from "../support/contract";

const ADMIN_TOKEN = "e2e-admin-token-000000000000000";
const INITECH_ACCOUNT = "222222222222";

let h: McpHarness;
let browser: Browser;
let base: string;
let contract: Contract;

beforeAll(async () => {
  h = await startMcpHarness();
  browser = await launchChromium();
  base = h.url.replace(/\/mcp$/, "");
  // Every REST answer of the journey is checked against the OpenAPI document the server serves.
  contract = await contractOf(() => fetch(`${base}/v1/openapi.json`));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function rest<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  contract.assert(method, path, response, text);
  return { status: response.status, body: JSON.parse(text) };
}

interface Registered {
  client: { id: string };
  onboarding: { external_id: string; role_name: string };
}
interface Status {
  status: string;
  probes?: { action: string; outcome: string }[];
}

describe("register → onboarding page → Launch stack → poller → key → MCP → stack deleted", () => {
  it("takes a new customer from nothing to answering tools, and revokes them when the stack goes", async () => {
    const registered = await rest<Registered>("POST", "/v1/clients", {
      name: "Initech",
      contact_email: "cloud@initech.example",
      tier: "professional",
      aws_account_id: INITECH_ACCOUNT,
    });
    expect(registered.status).toBe(201);
    const clientId = registered.body.client.id;
    const link = await rest<{ url: string }>("POST", `/v1/clients/${clientId}/onboarding-link`, {});
    expect(link.status).toBe(201);

    // The customer opens the link: pending, with the Launch stack button.
    const page = await browser.newPage();
    await page.goto(`${base}${new URL(link.body.url).pathname}`);
    expect(await page.textContent("#client-name")).toBe("Initech");
    expect(await page.getAttribute("#status", "data-status")).toBe("pending");
    const href = (await page.getAttribute("#launch", "href")) ?? "";
    await page.close();

    // The cloud admin's click: CreateStack from the S3 template URL with the link's parameters.
    const quickCreate = parseQuickCreateUrl(href);
    expect(quickCreate.templateUrl).toMatch(/^https:\/\/[a-z0-9.-]+\.s3\.us-east-1\.amazonaws\.com\//);
    expect(quickCreate.parameters).toEqual({
      ExternalId: registered.body.onboarding.external_id,
      RoleName: registered.body.onboarding.role_name,
    });
    const admin = customerAdminFor(INITECH_ACCOUNT);
    const credentials = { accessKeyId: admin.access_key_id, secretAccessKey: admin.secret_access_key };
    const stack = await deployFromQuickCreateUrl({ url: href, endpoint: h.sandbox.url, credentials });
    expect(stack.outputs.RoleArn).toBe(
      `arn:aws:iam::${INITECH_ACCOUNT}:role/${registered.body.onboarding.role_name}`,
    );

    // The background poller, at the pending client's next check, moves it to connected.
    h.clock.advance(31_000);
    const sweep = await runVerificationSweep({ deps: h.services, owner: "e2e-poller" });
    expect(sweep.checked).toEqual([expect.objectContaining({ client_id: clientId, status: "connected" })]);
    const status = await rest<Status>("GET", `/v1/clients/${clientId}/status`);
    expect(status.body.status).toBe("connected");
    expect(status.body.probes?.length).toBeGreaterThanOrEqual(8);
    expect(status.body.probes?.filter((p) => p.outcome !== "ok")).toEqual([]);

    // The page the customer still has open now says Connected, with how to connect Claude.
    const again = await browser.newPage();
    await again.goto(`${base}${new URL(link.body.url).pathname}`);
    await again.waitForSelector("#claude", { state: "visible", timeout: 20_000 });
    expect(await again.textContent("#status")).toBe("Connected");
    await again.screenshot({ path: `${TEST_OUTPUT}e2e-connected.png`, fullPage: true });
    await again.close();

    // The operator issues a key; Claude's MCP client calls tools with it.
    const key = await rest<{ secret: string }>("POST", `/v1/clients/${clientId}/api-keys`, {
      name: "claude",
    });
    expect(key.status).toBe(201);
    const claude = await h.connect(key.body.secret);
    const score = ok<{ compliance_score: number; total_resources: number }>(
      await h.call(claude, "check_tag_compliance", { resource_types: ["ec2:instance"] }),
    );
    expect(score.total_resources).toBeGreaterThan(0);

    // The customer deletes the stack: the role is gone, and the next call says so.
    await deleteStackAndWait({
      stackName: quickCreate.stackName,
      region: quickCreate.region,
      endpoint: h.sandbox.url,
      credentials,
    });
    const revoked = await h.call(claude, "find_untagged_resources", { resource_types: ["ec2:volume"] });
    expect(errorText(revoked)).toMatch(/^Access revoked/);
    expect((await rest<Status>("GET", `/v1/clients/${clientId}/status`)).body.status).toBe("revoked");

    // Globex never noticed, and never sees Initech.
    const globex = await h.connect(h.globex.apiKey);
    const globexScore = ok<{ total_resources: number }>(
      await h.call(globex, "check_tag_compliance", { resource_types: ["ec2:instance"] }),
    );
    expect(globexScore.total_resources).toBeGreaterThan(0);
    const asGlobex = await fetch(`${base}/v1/clients/${clientId}/status`, {
      headers: { authorization: `Bearer ${h.globex.apiKey}` },
    });
    expect(asGlobex.status).toBe(401);
    contract.assert("GET", `/v1/clients/${clientId}/status`, asGlobex, await asGlobex.text());
  }, 120_000);
});
