// The customer's click as the test kit does it: a quick-create link parsed, followed into the
// sandbox's CreateStack with the customer admin's keys, the role then assumable by the control
// plane; two customers' stacks apart; failures reported with CloudFormation's reasons.
import { CloudFormationClient, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import { DEFAULT_SCANNER_ROLE_PATTERN, renderTemplate } from "@tagc/cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME_ACCOUNT,
  ACME_ADMIN,
  CONTROL_PLANE,
  customerAdminFor,
  deleteStackAndWait,
  deployFromQuickCreateUrl,
  GLOBEX_ACCOUNT,
  GLOBEX_ADMIN,
  type PolicyPrincipal,
  parseQuickCreateUrl,
  StackDeployError,
  sandboxSeed,
} from "../src";

const BUCKET = "tagc-kit-templates";
const TEMPLATE_URL = `https://${BUCKET}.s3.us-east-1.amazonaws.com/role/v1/tag-compliance-role.yaml`;
const BROKEN_URL = `https://${BUCKET}.s3.us-east-1.amazonaws.com/role/broken.json`;

/** The link format of ONBOARDING.md: console URL, every value URL-encoded in the fragment. */
const link = (p: { templateUrl: string; stackName: string; externalId: string; roleName: string }) =>
  `https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL=${encodeURIComponent(p.templateUrl)}&stackName=${encodeURIComponent(p.stackName)}&param_ExternalId=${encodeURIComponent(p.externalId)}&param_RoleName=${encodeURIComponent(p.roleName)}`;

const creds = (p: { access_key_id: string; secret_access_key: string }) => ({
  accessKeyId: p.access_key_id,
  secretAccessKey: p.secret_access_key,
});

describe("parseQuickCreateUrl", () => {
  it("reads region, template URL, stack name and every param_ value, decoded", () => {
    const parsed = parseQuickCreateUrl(
      link({
        templateUrl: `${TEMPLATE_URL}?v=1&x=a+b`,
        stackName: "tag-compliance-ab12",
        externalId: "Ext123",
        roleName: "Role+=,.@-_",
      }),
    );
    expect(parsed).toEqual({
      region: "us-east-1",
      templateUrl: `${TEMPLATE_URL}?v=1&x=a+b`,
      stackName: "tag-compliance-ab12",
      parameters: { ExternalId: "Ext123", RoleName: "Role+=,.@-_" },
    });
  });

  it.each([
    [
      "an http link",
      "http://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL=x&stackName=s",
      /not a CloudFormation console link/,
    ],
    [
      "another host",
      "https://example.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL=x&stackName=s",
      /not a CloudFormation console link/,
    ],
    [
      "no region",
      "https://console.aws.amazon.com/cloudformation/home#/stacks/quickcreate?templateURL=x&stackName=s",
      /no region/,
    ],
    [
      "no fragment",
      "https://console.aws.amazon.com/cloudformation/home?region=us-east-1&templateURL=x",
      /no #\/stacks\/quickcreate\? fragment/,
    ],
    [
      "no template URL",
      "https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?stackName=s",
      /no templateURL/,
    ],
    [
      "no stack name",
      "https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL=x",
      /no stackName/,
    ],
  ])("refuses %s", (_label, url, message) => {
    expect(() => parseQuickCreateUrl(url)).toThrow(message);
  });
});

describe("deployFromQuickCreateUrl against the sandbox", () => {
  let sandbox: Sandbox;
  const target = (admin: PolicyPrincipal) => ({ endpoint: sandbox.url, credentials: creds(admin) });
  const assume = (account: string, roleName: string, externalId: string) =>
    new STSClient({ endpoint: sandbox.url, region: "us-east-1", credentials: creds(CONTROL_PLANE) }).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${account}:role/${roleName}`,
        RoleSessionName: "kit-stack",
        ExternalId: externalId,
        SourceIdentity: "kit-stack",
      }),
    );
  const acmeLink = link({
    templateUrl: TEMPLATE_URL,
    stackName: "tag-compliance-acme1",
    externalId: "KitStackExternalId0123456789abcdefAB",
    roleName: "TagComplianceReadOnly-acme1",
  });

  beforeAll(async () => {
    sandbox = await startSandbox({
      seed: sandboxSeed([
        { account_id: ACME_ACCOUNT, name: "acme", regions: ["us-east-1"], resources: [] },
        { account_id: GLOBEX_ACCOUNT, name: "globex", regions: ["us-east-1"], resources: [] },
      ]),
    });
    // The operator publishes the real template, its trust pointed at the suites' control plane.
    const template = renderTemplate("role", {
      platformAccountId: CONTROL_PLANE.account_id,
      scannerRolePattern: DEFAULT_SCANNER_ROLE_PATTERN,
    });
    const s3 = new S3Client({
      endpoint: sandbox.url,
      region: "us-east-1",
      credentials: creds(CONTROL_PLANE),
      forcePathStyle: true,
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: "role/v1/tag-compliance-role.yaml", Body: template }),
    );
    const broken = { Resources: { Queue: { Type: "AWS::SQS::Queue" } } };
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: "role/broken.json", Body: JSON.stringify(broken) }),
    );
  });
  afterAll(() => sandbox.stop());

  it("creates the stack and returns its outputs; the role trusts the control plane with the External ID", async () => {
    const deployed = await deployFromQuickCreateUrl({
      url: acmeLink,
      ...target(customerAdminFor(ACME_ACCOUNT)),
    });
    expect(deployed.stackId).toMatch(
      new RegExp(`^arn:aws:cloudformation:us-east-1:${ACME_ACCOUNT}:stack/tag-compliance-acme1/`),
    );
    expect(deployed.outputs.RoleArn).toBe(`arn:aws:iam::${ACME_ACCOUNT}:role/TagComplianceReadOnly-acme1`);
    const session = await assume(
      ACME_ACCOUNT,
      "TagComplianceReadOnly-acme1",
      "KitStackExternalId0123456789abcdefAB",
    );
    expect(session.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    await expect(
      assume(ACME_ACCOUNT, "TagComplianceReadOnly-acme1", "WrongStackExternalId0123456789abcde"),
    ).rejects.toThrow(/not authorized/);
  });

  it("keeps the second customer apart: globex sees no stack of acme's", async () => {
    const globex = new CloudFormationClient({
      endpoint: sandbox.url,
      region: "us-east-1",
      credentials: creds(GLOBEX_ADMIN),
    });
    expect((await globex.send(new DescribeStacksCommand({}))).Stacks).toEqual([]);
    await expect(
      globex.send(new DescribeStacksCommand({ StackName: "tag-compliance-acme1" })),
    ).rejects.toMatchObject({
      name: "ValidationError",
    });
  });

  it("rejects a refused CreateStack with CloudFormation's own error", async () => {
    const bad = link({ templateUrl: TEMPLATE_URL, stackName: "bad-id", externalId: "short", roleName: "R" });
    await expect(deployFromQuickCreateUrl({ url: bad, ...target(ACME_ADMIN) })).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringContaining("Parameter 'ExternalId'"),
    });
  });

  it("fails clearly when the stack rolls back, with the resource's reason", async () => {
    const url = `https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/quickcreate?templateURL=${encodeURIComponent(BROKEN_URL)}&stackName=broken`;
    const error = await deployFromQuickCreateUrl({ url, ...target(ACME_ADMIN) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackDeployError);
    expect(error).toMatchObject({ status: "ROLLBACK_COMPLETE" });
    expect(String(error)).toContain("The following resource(s) failed to create: [Queue]");
    expect(String(error)).toContain("Queue: The aws-sandbox does not emulate resource type AWS::SQS::Queue");
  });

  it("deletes the stack and waits: the role is gone and AssumeRole fails; deleting again is a no-op", async () => {
    const stack = { stackName: "tag-compliance-acme1", region: "us-east-1", ...target(ACME_ADMIN) };
    await deleteStackAndWait(stack);
    await expect(
      assume(ACME_ACCOUNT, "TagComplianceReadOnly-acme1", "KitStackExternalId0123456789abcdefAB"),
    ).rejects.toThrow(/not authorized/);
    await expect(deleteStackAndWait(stack)).resolves.toBeUndefined();
  });
});
