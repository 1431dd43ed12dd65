// Two tenants, each with their own role and External ID: one client's session is never handed to
// another, and one tenant's External ID opens no other tenant's role.
import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AssumeRoleError, type CredentialBroker, sdkClientConfig } from "../src";
import { ACME, brokerFor, configFor, GLOBEX, rejectionOf, startTestSandbox, targetFor } from "./fixtures";

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

it("gives each client its own session, acting only in its own account", async () => {
  const [acme, globex] = await Promise.all([
    broker.getCredentials(targetFor(ACME)),
    broker.getCredentials(targetFor(GLOBEX)),
  ]);
  expect(acme.accessKeyId).not.toBe(globex.accessKeyId);
  expect(sandbox.world.identityFor(acme.accessKeyId)?.accountId).toBe(ACME.accountId);
  expect(sandbox.world.identityFor(globex.accessKeyId)?.accountId).toBe(GLOBEX.accountId);

  const ec2 = new EC2Client(
    sdkClientConfig(configFor(sandbox), "us-east-1", broker.providerFor(targetFor(GLOBEX))),
  );
  const out = await ec2.send(new DescribeInstancesCommand({}));
  ec2.destroy();
  const ids = out.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId);
  expect(ids).toEqual([`i-${GLOBEX.accountId}`]);
});

it("never serves client A's cached session to client B, even for the same account", async () => {
  const acme = await broker.getCredentials(targetFor(ACME));
  // Client B claims A's account and role but holds only its own External ID.
  const intruder = targetFor(GLOBEX, { accountId: ACME.accountId, roleArn: targetFor(ACME).roleArn });
  const error = await rejectionOf(broker.getCredentials(intruder));
  expect((error as AssumeRoleError).code).toBe("ACCESS_DENIED");
  expect(broker.stats().cacheSize).toBeGreaterThanOrEqual(1);
  // A's session is still A's alone.
  expect((await broker.getCredentials(targetFor(ACME))).accessKeyId).toBe(acme.accessKeyId);
});

it("rejects A's External ID on B's role", async () => {
  const error = await rejectionOf(broker.getCredentials(targetFor(GLOBEX, { externalId: ACME.externalId })));
  expect(error).toBeInstanceOf(AssumeRoleError);
  expect((error as AssumeRoleError).code).toBe("ACCESS_DENIED");
});
