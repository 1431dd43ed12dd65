// The success path: the broker's credentials act as the tenant's role, and the role session
// carries the client id where the customer's CloudTrail shows it.
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssumeRoleError, type CredentialBroker, classifyAwsError, sdkClientConfig } from "../src";
import {
  ACME,
  assumeRoleCalls,
  brokerFor,
  configFor,
  ROLE_NAME,
  rejectionOf,
  startTestSandbox,
  targetFor,
} from "./fixtures";

let sandbox: Sandbox;
let broker: CredentialBroker;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  broker = brokerFor(sandbox);
});
afterAll(async () => {
  broker.destroy();
  await sandbox.stop();
});

describe("CredentialBroker.getCredentials", () => {
  it("returns one-hour session credentials that act as the tenant's role", async () => {
    const before = Date.now();
    const credentials = await broker.getCredentials(targetFor(ACME));

    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.sessionToken).toBeTruthy();
    // DurationSeconds 3600: AWS reports expiry to the second, one hour after the call.
    const expiry = credentials.expiration.getTime();
    expect(expiry).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 3_600_000);

    const sts = new STSClient(sdkClientConfig(configFor(sandbox), "us-east-1", async () => credentials));
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(identity.Account).toBe(ACME.accountId);
    expect(identity.Arn).toBe(
      `arn:aws:sts::${ACME.accountId}:assumed-role/${ROLE_NAME}/tagc-${ACME.clientId}`,
    );
  });

  it("sets SourceIdentity and RoleSessionName from the client id", async () => {
    const credentials = await broker.getCredentials(targetFor(ACME));
    const session = sandbox.world.identityFor(credentials.accessKeyId);
    expect(session?.session?.sourceIdentity).toBe(ACME.clientId);
    expect(session?.userId).toMatch(new RegExp(`:tagc-${ACME.clientId}$`));
  });

  it("sanitises a client id outside STS's character set", async () => {
    const target = targetFor(ACME, { clientId: "cli acme/ünïcode" });
    const credentials = await broker.getCredentials(target);
    const session = sandbox.world.identityFor(credentials.accessKeyId);
    expect(session?.callerArn).toBe(
      `arn:aws:sts::${ACME.accountId}:assumed-role/${ROLE_NAME}/tagc-cli_acme__n_code`,
    );
    expect(session?.session?.sourceIdentity).toBe("cli_acme__n_code");
  });
});

describe("CredentialBroker.providerFor", () => {
  it("lets SDK clients reuse the cached session without calling STS themselves", async () => {
    const target = targetFor(ACME, { clientId: "cli_provider" });
    const before = assumeRoleCalls(sandbox);
    const ec2 = new EC2Client(sdkClientConfig(configFor(sandbox), "eu-west-1", broker.providerFor(target)));
    for (let i = 0; i < 5; i += 1) {
      const out = await ec2.send(new DescribeRegionsCommand({}));
      expect(out.Regions?.map((r) => r.RegionName)).toContain("eu-west-1");
    }
    ec2.destroy();
    expect(assumeRoleCalls(sandbox) - before).toBe(1);
    expect(
      sandbox.counters().by_caller[`arn:aws:iam::${ACME.accountId}:role/${ROLE_NAME}`]?.[
        "ec2:DescribeRegions"
      ],
    ).toBeGreaterThanOrEqual(5);
  });

  it("surfaces an AssumeRole failure from inside an SDK call as the classified AssumeRoleError", async () => {
    const target = targetFor(ACME, {
      clientId: "cli_badprovider",
      externalId: "NotTheExternalId0123456789abcdefGHIJ",
    });
    const ec2 = new EC2Client(sdkClientConfig(configFor(sandbox), "us-east-1", broker.providerFor(target)));
    const error = await rejectionOf(ec2.send(new DescribeRegionsCommand({})));
    ec2.destroy();
    expect(error).toBeInstanceOf(AssumeRoleError);
    expect(classifyAwsError(error)).toMatchObject({ code: "ACCESS_DENIED", countsTowardRevocation: true });
  });
});
