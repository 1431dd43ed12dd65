// The test kit's own contract: the clock every suite shares, the role it deploys (the real template's,
// which the sandbox then enforces), and the onboarding sequence and its failures.
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ACME_ACCOUNT,
  CONTROL_PLANE,
  deployRole,
  type OnboardingSteps,
  onboardTenant,
  publishSandboxTemplate,
  SANDBOX_TEMPLATE_URL,
  sandboxSeed,
  TestClock,
  testNow,
} from "../src";

describe("TestClock", () => {
  it("starts where it is told, moves only by hand, and resets", () => {
    const clock = new TestClock("2027-01-31T23:30:00Z");
    expect(clock.now().toISOString()).toBe("2027-01-31T23:30:00.000Z");
    expect(clock.advance(60 * 60_000).toISOString()).toBe("2027-02-01T00:30:00.000Z");
    expect(clock.nowMs()).toBe(Date.parse("2027-02-01T00:30:00Z"));
    expect(clock.reset("2026-02-28T12:00:00Z").toISOString()).toBe("2026-02-28T12:00:00.000Z");
  });

  it("defaults to TAGC_TEST_NOW when set, so the suite can run as if on another day", () => {
    vi.stubEnv("TAGC_TEST_NOW", "2027-03-01T00:00:00Z");
    try {
      expect(testNow().toISOString()).toBe("2027-03-01T00:00:00.000Z");
      expect(new TestClock().now().toISOString()).toBe("2027-03-01T00:00:00.000Z");
      vi.stubEnv("TAGC_TEST_NOW", "yesterday");
      expect(() => testNow()).toThrow(/TAGC_TEST_NOW is not a date/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("deployRole and onboardTenant against the sandbox", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      seed: sandboxSeed([{ account_id: ACME_ACCOUNT, name: "acme", regions: ["us-east-1"], resources: [] }]),
    });
    await publishSandboxTemplate(sandbox.url);
  });
  afterAll(() => sandbox.stop());

  const sts = () =>
    new STSClient({
      endpoint: sandbox.url,
      region: "us-east-1",
      credentials: {
        accessKeyId: CONTROL_PLANE.access_key_id,
        secretAccessKey: CONTROL_PLANE.secret_access_key,
      },
    });
  const assume = (roleName: string, externalId: string) =>
    sts().send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACME_ACCOUNT}:role/${roleName}`,
        RoleSessionName: "kit",
        ExternalId: externalId,
      }),
    );
  const externalId = "KitExternalId0123456789abcdefABCDEF";

  it("deploys the template's role: assumable by the control plane with the External ID, not without it", async () => {
    const role = await deployRole(sandbox, { accountId: ACME_ACCOUNT, externalId, roleName: "KitRole-a" });
    expect(role.trustPolicy.Statement[0]?.Condition?.StringEquals?.["sts:ExternalId"]).toBe(externalId);
    expect((await assume("KitRole-a", externalId)).Credentials?.AccessKeyId).toBeTruthy();
    await expect(assume("KitRole-a", "WrongExternalId0123456789abcdefABCD")).rejects.toThrow(
      /not authorized/,
    );
  });

  it("narrows the permissions on request", async () => {
    const role = await deployRole(
      sandbox,
      { accountId: ACME_ACCOUNT, externalId, roleName: "KitRole-b" },
      { withoutActions: ["tag:GetResources"] },
    );
    const actions = role.permissionsPolicy.Statement.flatMap((s) => [s.Action].flat());
    expect(actions).toContain("tag:GetResources");
    const stored = sandbox.world.requireAccount(ACME_ACCOUNT).roles.get("KitRole-b");
    expect(JSON.stringify(stored?.permissions_policy)).not.toContain("tag:GetResources");
  });

  it("onboards in order (register, Launch stack, verify, key) and fails loudly when verification does not connect", async () => {
    const calls: string[] = [];
    let stacks = 0;
    const steps = (status: string): OnboardingSteps => ({
      register: async (customer) => {
        calls.push(`register ${customer.slug}`);
        const roleName = `KitRole-${status}-${++stacks}`;
        const link = new URLSearchParams({
          templateURL: SANDBOX_TEMPLATE_URL,
          stackName: `kit-${stacks}`,
          param_ExternalId: externalId,
          param_RoleName: roleName,
        });
        const quickCreateUrl = `https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?${link}`;
        return { clientId: "cli_kit", externalId, roleName, quickCreateUrl };
      },
      verify: async () => {
        calls.push("verify");
        return { status, error: status === "connected" ? null : { code: "ACCESS_DENIED", fix: "re-deploy" } };
      },
      issueKey: async (_, name) => {
        calls.push(`key ${name}`);
        return { secret: "tagc_live_x", id: "key_x" };
      },
    });
    const customer = {
      slug: "kit",
      name: "Kit",
      email: "k@example.com",
      tier: "starter" as const,
      account: ACME_ACCOUNT,
    };
    const tenant = await onboardTenant(steps("connected"), sandbox, customer);
    expect(calls).toEqual(["register kit", "verify", "key kit-key"]);
    expect(tenant).toMatchObject({ id: "cli_kit", status: "connected", apiKey: "tagc_live_x", error: null });
    // The role exists because the link's stack created it, from the template published to S3.
    expect(sandbox.world.requireAccount(ACME_ACCOUNT).roles.has("KitRole-connected-1")).toBe(true);
    await expect(onboardTenant(steps("pending"), sandbox, customer)).rejects.toThrow(/kit did not connect/);
    const pending = await onboardTenant(steps("pending"), sandbox, customer, {
      requireConnected: false,
      key: false,
    });
    expect(pending).toMatchObject({ status: "pending", apiKey: "", error: { code: "ACCESS_DENIED" } });
    await expect(
      onboardTenant(steps("connected"), sandbox, { ...customer, account: undefined }),
    ).rejects.toThrow(/needs the customer's AWS account/);
  });
});
