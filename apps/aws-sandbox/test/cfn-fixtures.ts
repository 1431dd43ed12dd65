// The CloudFormation suites' world: the operator publishes the real role template to its bucket,
// and each customer account has an admin who launches stacks (cloudformation:*, iam:*,
// s3:GetObject), as a customer's cloud admin does from the quick-create link.
import { readFileSync } from "node:fs";
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { type Sandbox, startSandbox } from "../src";
import { ACME, baseSeed, CONTROL_PLANE, clientConfig, GLOBEX, staticCreds } from "./fixtures";

const adminPolicy = (actions: string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow" as const, Action: actions, Resource: "*" }],
});

export const ACME_ADMIN = {
  account_id: ACME,
  arn: `arn:aws:iam::${ACME}:user/acme-admin`,
  access_key_id: "AKIAACMEADMIN0000001",
  secret_access_key: "acmeAdminSecretKey0000000000000000000000",
  policy: adminPolicy(["cloudformation:*", "iam:*", "s3:GetObject"]),
};
export const GLOBEX_ADMIN = {
  account_id: GLOBEX,
  arn: `arn:aws:iam::${GLOBEX}:user/globex-admin`,
  access_key_id: "AKIAGLOBEXADMIN00001",
  secret_access_key: "globexAdminSecretKey00000000000000000000",
  policy: adminPolicy(["cloudformation:*", "iam:*", "s3:GetObject"]),
};
/** May launch stacks but not create roles: the stack fails and rolls back. */
export const ACME_NO_IAM = {
  account_id: ACME,
  arn: `arn:aws:iam::${ACME}:user/acme-no-iam`,
  access_key_id: "AKIAACMENOIAM0000001",
  secret_access_key: "acmeNoIamSecretKey0000000000000000000000",
  policy: adminPolicy(["cloudformation:*", "s3:GetObject"]),
};

export const BUCKET = "tagc-templates";
export const KEY = "role/2026-11-21.1/tag-compliance-role.yaml";
export const TEMPLATE_URL = `https://${BUCKET}.s3.us-east-1.amazonaws.com/${KEY}`;

/**
 * The product's role template rendered for the sandbox's control plane, as the operator publishes it:
 * the file keeps placeholders for the operator's account and scanner role pattern. (Substituted here
 * by hand: the sandbox does not depend on the product's packages.)
 */
export function roleTemplate(): string {
  const text = readFileSync(
    new URL("../../../cloudformation/tag-compliance-role.yaml", import.meta.url),
    "utf8",
  );
  return text
    .split("__PLATFORM_ACCOUNT_ID__")
    .join(CONTROL_PLANE.account_id)
    .split("__SCANNER_ROLE_PATTERN__")
    .join("tagc-scanner-*");
}

export async function startCfnSandbox(): Promise<Sandbox> {
  const seed = baseSeed();
  const sandbox = await startSandbox({
    seed: { ...seed, principals: [...(seed.principals ?? []), ACME_ADMIN, GLOBEX_ADMIN, ACME_NO_IAM] },
  });
  const s3 = new S3Client(clientConfig(sandbox, staticCreds(CONTROL_PLANE)));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: roleTemplate() }));
  return sandbox;
}

export const cfnClient = (
  sandbox: Sandbox,
  principal: { access_key_id: string; secret_access_key: string },
) => new CloudFormationClient(clientConfig(sandbox, staticCreds(principal)));

export const quickCreate = (externalId: string, roleName: string) => [
  { ParameterKey: "ExternalId", ParameterValue: externalId },
  { ParameterKey: "RoleName", ParameterValue: roleName },
];
