// Every AssumeRole failure comes back as an AssumeRoleError with a classification and a fix,
// produced by the sandbox answering exactly as AWS would.
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AssumeRoleError,
  type AwsConfig,
  type AwsErrorClassification,
  CredentialBroker,
  classifyAssumeRoleError,
  controlPlaneCredentials,
  createStsClient,
  type RoleTarget,
} from "../src";
import {
  ACME,
  CONTROL_PLANE,
  configFor,
  GLOBEX,
  rejectionOf,
  roleArn,
  startTestSandbox,
  targetFor,
  UNTRUSTED,
} from "./fixtures";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ stsDisabledRegions: ["eu-south-1"] });
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.setFaults({});
});

async function classify(config: AwsConfig, target: RoleTarget = targetFor(ACME)) {
  const broker = new CredentialBroker({ config });
  const error = await rejectionOf(broker.getCredentials(target));
  broker.destroy();
  expect(error).toBeInstanceOf(AssumeRoleError);
  return error as AssumeRoleError;
}

const everyText = (c: AwsErrorClassification) => `${c.message} ${c.fix}`;

describe("ACCESS_DENIED (re-deploy the stack)", () => {
  const cases: [string, () => Promise<AssumeRoleError>][] = [
    [
      "a wrong External ID",
      () => classify(configFor(sandbox), targetFor(ACME, { externalId: GLOBEX.externalId })),
    ],
    [
      "a missing role",
      () => classify(configFor(sandbox), targetFor(ACME, { roleArn: roleArn(ACME.accountId, "Gone") })),
    ],
    ["an untrusted caller", () => classify(configFor(sandbox, UNTRUSTED))],
  ];
  it.each(cases)("%s", async (_label, run) => {
    const error = await run();
    expect(error.classification).toMatchObject({
      code: "ACCESS_DENIED",
      retryable: false,
      countsTowardRevocation: true,
    });
    expect(error.classification.fix).toMatch(/Re-deploy the Tag Compliance CloudFormation stack/);
    expect(error.classification.fix).toMatch(/External ID/);
    expect(error.awsErrorName).toBe("AccessDenied");
    // AWS's own message names ARNs; the error we hand on never does.
    expect(error.message).not.toMatch(/arn:aws/);
  });

  it("never echoes the External ID that was sent", async () => {
    const error = await classify(configFor(sandbox), targetFor(ACME, { externalId: GLOBEX.externalId }));
    for (const id of [ACME.externalId, GLOBEX.externalId]) {
      expect(everyText(error.classification)).not.toContain(id);
      expect(JSON.stringify(error)).not.toContain(id);
      expect(String(error.stack)).not.toContain(id);
    }
  });
});

describe("other classifications", () => {
  it("REGION_DISABLED when STS is off in the control plane's region", async () => {
    const error = await classify(configFor(sandbox, CONTROL_PLANE, { region: "eu-south-1" }));
    expect(error.classification).toMatchObject({
      code: "REGION_DISABLED",
      retryable: false,
      countsTowardRevocation: false,
    });
    expect(error.classification.fix).toMatch(/another STS region/);
  });

  it("THROTTLED once the SDK's retries are spent", async () => {
    sandbox.setFaults({ throttle: { next: 10, operations: ["sts:AssumeRole"] } });
    const before = sandbox.counters().throttled["sts:AssumeRole"] ?? 0;
    const error = await classify(configFor(sandbox));
    expect(error.classification).toMatchObject({
      code: "THROTTLED",
      retryable: true,
      countsTowardRevocation: false,
    });
    expect(error.classification.fix).toMatch(/Retry later/);
    // maxAttempts 2 in the fixture config: the SDK retried once before giving up.
    expect((sandbox.counters().throttled["sts:AssumeRole"] ?? 0) - before).toBe(2);
  });

  const badKeys: [string, { access_key_id: string; secret_access_key: string }][] = [
    ["a wrong secret", { ...CONTROL_PLANE, secret_access_key: "notTheRightSecret000000000000000000000" }],
    [
      "an unknown access key",
      { access_key_id: "AKIAUNKNOWN000000001", secret_access_key: "whatever0000000000" },
    ],
  ];
  it.each(badKeys)("CONTROL_PLANE_CREDENTIALS for %s", async (_label, keys) => {
    const error = await classify(configFor(sandbox, keys));
    expect(error.classification).toMatchObject({
      code: "CONTROL_PLANE_CREDENTIALS",
      countsTowardRevocation: false,
    });
    expect(error.classification.fix).toMatch(/^Operator alert/);
  });

  it("NETWORK when the endpoint cannot be reached", async () => {
    const error = await classify({ ...configFor(sandbox), endpoint: "http://127.0.0.1:9", maxAttempts: 1 });
    expect(error.classification).toMatchObject({ code: "NETWORK", retryable: true });
  });

  it("DURATION_TOO_LONG for the chained-session limit AWS enforces", async () => {
    // The broker cannot be configured past 3600 s, so ask STS directly the way a bad caller would.
    const config = configFor(sandbox);
    const sts = createStsClient(config, controlPlaneCredentials(config));
    const error = await rejectionOf(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn(ACME.accountId),
          RoleSessionName: "tagc-test",
          ExternalId: ACME.externalId,
          DurationSeconds: 7200,
        }),
      ),
    );
    sts.destroy();
    const classification = classifyAssumeRoleError(error);
    expect(classification).toMatchObject({ code: "DURATION_TOO_LONG", retryable: false });
    expect(classification.fix).toMatch(/never request more than 3600 seconds/i);
  });
});
