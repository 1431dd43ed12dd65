import { awsConfig } from "@tagc/aws";
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import {
  CONTROL_PLANE,
  freePort,
  OUTSIDE_PATTERN,
  type Principal,
  sandboxSeed,
  UNTRUSTED_ACCOUNT,
} from "@tagc/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../src/app";
import { type IdentityCheck, startIdentityCheck } from "../src/boot/identity-check";
import { useHarness } from "./support/use-harness";

const EXPECTED = { platformAccountId: "111111111111", rolePattern: "tagc-scanner-*" };

interface Ready {
  status: string;
  checks: Record<string, boolean>;
  degraded: string[];
  messages?: Record<string, string>;
}

describe("boot identity check", () => {
  const harness = useHarness({ kind: "postgres" });
  let sandbox: Sandbox;
  const checks: IdentityCheck[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: sandboxSeed([], { otherCallers: true }) });
  });
  afterAll(async () => {
    for (const check of checks) check.stop();
    await sandbox?.stop();
  });

  const configFor = (principal: Principal, endpoint = sandbox.url) =>
    awsConfig({
      region: "us-east-1",
      endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: principal.access_key_id, secretAccessKey: principal.secret_access_key },
    });

  async function ready(check: IdentityCheck) {
    const h = harness();
    const app = createApp({ ...h.deps, readiness: { aws_identity: check.readiness } }, h.database.handle);
    const response = await app.request("/health/ready");
    return { status: response.status, body: (await response.json()) as Ready };
  }

  function start(principal: Principal, endpoint?: string, intervalMs?: number) {
    const h = harness();
    const check = startIdentityCheck({
      aws: configFor(principal, endpoint),
      expected: EXPECTED,
      logger: h.logs.logger,
      ...(intervalMs ? { intervalMs } : {}),
    });
    checks.push(check);
    return check;
  }

  test("the control plane's scanner role is ready, with the unchanged readiness shape", async () => {
    const { status, body } = await ready(start(CONTROL_PLANE));
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ready", checks: { database: true, aws_identity: true }, degraded: [] });
  });

  test("an identity in another account is not ready, naming both account ids", async () => {
    const h = harness();
    h.logs.clear();
    const { status, body } = await ready(start(UNTRUSTED_ACCOUNT));
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: "degraded",
      checks: { database: true, aws_identity: false },
      degraded: ["aws_identity"],
    });
    expect(body.messages?.aws_identity).toContain(
      "it is in account 999999999999, but PLATFORM_ACCOUNT_ID is 111111111111",
    );
    const warning = h.logs.entries().find((entry) => entry.msg === "aws identity check failed");
    expect(warning).toMatchObject({ level: 40 });
    expect(String(warning?.aws_identity)).toContain("Set PLATFORM_ACCOUNT_ID");
    expect(String(warning?.aws_identity)).toContain("run the server as the scanner role");
    // The control plane's keys never reach the log.
    expect(h.logs.lines.join("\n")).not.toContain(UNTRUSTED_ACCOUNT.secret_access_key);
  });

  test("a role outside the scanner pattern is not ready, naming the pattern and the role", async () => {
    const { status, body } = await ready(start(OUTSIDE_PATTERN));
    expect(status).toBe(503);
    expect(body.checks.aws_identity).toBe(false);
    expect(body.messages?.aws_identity).toContain(
      "its role is billing-reader, which does not match SCANNER_ROLE_PATTERN tagc-scanner-*",
    );
    expect(body.messages?.aws_identity).not.toContain("PLATFORM_ACCOUNT_ID is");
  });

  test("unknown credentials are not ready with the classified error", async () => {
    const stranger = { ...CONTROL_PLANE, access_key_id: "AKIANOBODYKNOWSTHIS1" };
    const { status, body } = await ready(start(stranger));
    expect(status).toBe(503);
    expect(body.messages?.aws_identity).toMatch(
      /^sts:GetCallerIdentity failed \(CONTROL_PLANE_CREDENTIALS\)/,
    );
  });

  test("an unreachable STS is not ready (NETWORK), and the periodic re-check recovers", async () => {
    const port = await freePort();
    const check = start(CONTROL_PLANE, `http://127.0.0.1:${port}`, 200);
    const down = await ready(check);
    expect(down.status).toBe(503);
    expect(down.body.messages?.aws_identity).toMatch(/^sts:GetCallerIdentity failed \(NETWORK\)/);
    const late = await startSandbox({ seed: sandboxSeed([]), port });
    try {
      await expect
        .poll(async () => (await ready(check)).status, { timeout: 10_000, interval: 100 })
        .toBe(200);
      const h = harness();
      expect(h.logs.entries().some((entry) => entry.msg === "aws identity check passed")).toBe(true);
    } finally {
      await late.stop();
    }
  });
});
