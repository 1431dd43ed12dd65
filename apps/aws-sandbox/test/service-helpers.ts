// Helpers shared by the per-service tests (rds, lambda, ecs, dynamodb, organizations, costexplorer).
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { ResourceSeed, Sandbox } from "../src";
import {
  ACME,
  CONTROL_PLANE,
  type Creds,
  clientConfig,
  EXTERNAL_ID,
  scannerRole,
  staticCreds,
} from "./fixtures";

export interface SdkError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

/** The error a call fails with; fails the test if the call succeeds. */
export async function errorOf(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error("expected the call to fail");
}

/** Assumes `roleName` in `account` as the control plane. */
export async function assumeRole(
  sandbox: Sandbox,
  roleName: string,
  account = ACME,
  externalId = EXTERNAL_ID,
): Promise<Creds> {
  const sts = new STSClient(clientConfig(sandbox, staticCreds(CONTROL_PLANE)));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/${roleName}`,
      RoleSessionName: "narrow-test",
      ExternalId: externalId,
    }),
  );
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

/** Creates ACME's "Narrow" role allowed only `actions`, and returns a session of it. */
export async function narrowSession(sandbox: Sandbox, actions: string[]): Promise<Creds> {
  sandbox.putRole(ACME, { ...scannerRole(EXTERNAL_ID, actions), name: "Narrow" });
  return assumeRole(sandbox, "Narrow");
}

/** `count` resources of one type, ids `${prefix}-0000`..., every third one untagged. */
export const bulk = (
  type: string,
  prefix: string,
  count: number,
  region = "eu-west-1",
  extra: Partial<ResourceSeed> = {},
): ResourceSeed[] =>
  Array.from({ length: count }, (_, i) => ({
    type,
    region,
    id: `${prefix}-${String(i).padStart(4, "0")}`,
    tags: i % 3 ? { Owner: `owner-${i}@acme.io` } : {},
    attributes: {},
    ...extra,
  }));
