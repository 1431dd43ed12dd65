import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  assume,
  CONTROL_PLANE,
  clientConfig,
  EXTERNAL_ID,
  GLOBEX_EXTERNAL_ID,
  OUTSIDE_PATTERN,
  scannerRole,
  startTestSandbox,
  staticCreds,
  UNTRUSTED,
} from "./fixtures";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

const roleArn = `arn:aws:iam::${ACME}:role/TagComplianceReadOnly`;
const stsAs = (p: { access_key_id: string; secret_access_key: string }, region = "us-east-1") =>
  new STSClient(clientConfig(sandbox, staticCreds(p), region));

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail");
}

describe("GetCallerIdentity", () => {
  it("answers the control plane's own identity", async () => {
    const out = await stsAs(CONTROL_PLANE).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("111111111111");
    expect(out.Arn).toBe("arn:aws:sts::111111111111:assumed-role/tagc-scanner-prod/tagc-scanner-prod");
  });

  it("answers the assumed role for session credentials", async () => {
    const creds = await assume(sandbox);
    const out = await new STSClient(clientConfig(sandbox, creds)).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(ACME);
    expect(out.Arn).toBe(`arn:aws:sts::${ACME}:assumed-role/TagComplianceReadOnly/tagc-test`);
  });
});

describe("AssumeRole", () => {
  it("returns credentials that expire at the stated time, with SourceIdentity", async () => {
    const before = Date.now();
    const out = await stsAs(CONTROL_PLANE, "eu-west-1").send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: "cli_01HXYZ",
        ExternalId: EXTERNAL_ID,
        DurationSeconds: 3600,
        SourceIdentity: "cli_01HXYZ",
      }),
    );
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const expiry = out.Credentials!.Expiration!.getTime();
    expect(expiry).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000 - 1000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${ACME}:assumed-role/TagComplianceReadOnly/cli_01HXYZ`,
    );
    expect(out.SourceIdentity).toBe("cli_01HXYZ");
  });

  const denials: [string, () => Promise<unknown>][] = [
    [
      "a wrong External ID",
      () =>
        stsAs(CONTROL_PLANE).send(
          new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: GLOBEX_EXTERNAL_ID }),
        ),
    ],
    [
      "a missing External ID",
      () => stsAs(CONTROL_PLANE).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1" })),
    ],
    [
      "an unknown role",
      () =>
        stsAs(CONTROL_PLANE).send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${ACME}:role/Nope`,
            RoleSessionName: "s1",
            ExternalId: EXTERNAL_ID,
          }),
        ),
    ],
    [
      "a role in an unknown account",
      () =>
        stsAs(CONTROL_PLANE).send(
          new AssumeRoleCommand({
            RoleArn: "arn:aws:iam::444444444444:role/TagComplianceReadOnly",
            RoleSessionName: "s1",
            ExternalId: EXTERNAL_ID,
          }),
        ),
    ],
    [
      "an untrusted account",
      () =>
        stsAs(UNTRUSTED).send(
          new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID }),
        ),
    ],
    [
      "a caller outside the aws:PrincipalArn pattern",
      () =>
        stsAs(OUTSIDE_PATTERN).send(
          new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID }),
        ),
    ],
  ];
  it.each(denials)("denies %s with AWS's AccessDenied", async (_label, call) => {
    const error = await errorOf(call());
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toMatch(
      /^User: arn:aws:sts::\d{12}:assumed-role\/.+ is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::\d{12}:role\/.+$/,
    );
  });

  it("refuses more than an hour for a chained caller", async () => {
    const error = await errorOf(
      stsAs(CONTROL_PLANE).send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: "s1",
          ExternalId: EXTERNAL_ID,
          DurationSeconds: 7200,
        }),
      ),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toContain("1 hour session limit for roles assumed by role chaining");
  });

  it("rejects a session name outside [\\w+=,.@-]", async () => {
    const error = await errorOf(
      stsAs(CONTROL_PLANE).send(
        new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "bad name!", ExternalId: EXTERNAL_ID }),
      ),
    );
    expect(error.name).toBe("ValidationError");
    expect(error.message).toContain("roleSessionName");
  });

  it("denies SourceIdentity when the trust lacks sts:SetSourceIdentity", async () => {
    const role = scannerRole(EXTERNAL_ID);
    const statement = (role.trust_policy.Statement as { Action: string[] }[])[0]!;
    statement.Action = ["sts:AssumeRole"];
    sandbox.putRole(ACME, { ...role, name: "NoSourceIdentity" });
    const error = await errorOf(
      stsAs(CONTROL_PLANE).send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACME}:role/NoSourceIdentity`,
          RoleSessionName: "s1",
          ExternalId: EXTERNAL_ID,
          SourceIdentity: "cli_1",
        }),
      ),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toContain("sts:SetSourceIdentity");
  });

  it("takes a revocation into account on the next call", async () => {
    sandbox.putRole(ACME, { ...scannerRole(EXTERNAL_ID), name: "Revocable" });
    const arn = `arn:aws:iam::${ACME}:role/Revocable`;
    const call = () =>
      stsAs(CONTROL_PLANE).send(
        new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "s1", ExternalId: EXTERNAL_ID }),
      );
    await expect(call()).resolves.toBeDefined();
    sandbox.putRole(ACME, { ...scannerRole("aDifferentExternalId000000000000000"), name: "Revocable" });
    expect((await errorOf(call())).name).toBe("AccessDenied");
    sandbox.putRole(ACME, { ...scannerRole(EXTERNAL_ID), name: "Revocable" });
    await expect(call()).resolves.toBeDefined();
    expect(sandbox.deleteRole(ACME, "Revocable")).toBe(true);
    expect((await errorOf(call())).name).toBe("AccessDenied");
  });
});
