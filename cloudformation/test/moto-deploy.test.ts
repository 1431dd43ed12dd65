// The role template deployed by an independent AWS emulator (moto), the way a customer's click
// deploys it: published to S3 by publishTemplates, then CreateStack with TemplateURL = the URL
// publishTemplates returns and the quick-create parameters.
//
// What moto does NOT check: it stores trust policies without enforcing them (no cross-account
// trust, no sts:ExternalId, no aws:PrincipalArn at AssumeRole) and it does not require
// CAPABILITY_NAMED_IAM. Trust enforcement is proven against our own sandbox and by the
// iam-simulate suites (trust-simulation.test.ts); this suite proves that a real CloudFormation
// implementation reads our published object and creates the role we claim it creates.
//
// moto resolves a TemplateURL by host: a host starting with "s3" and ending in amazonaws.com is
// path style (s3.REGION.amazonaws.com/BUCKET/KEY), any other host takes the bucket from its first
// label (BUCKET.s3.REGION.amazonaws.com/KEY), which is the form publishTemplates returns, so the
// suite uses that URL unchanged. (moto does not URL-decode the key; ours need no encoding.)
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  NoSuchEntityException,
} from "@aws-sdk/client-iam";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Operator, type PublishedTemplate, publishTemplates, SCANNER_ACTIONS } from "../src/index";
import { MOTO_CREDENTIALS, type Moto, startMoto } from "./moto";

const REGION = "eu-west-1";
const BUCKET = "tagc-templates-moto";
const OPERATOR: Operator = { platformAccountId: "111122223333", scannerRolePattern: "tagc-scanner-*" };

// Two clients of the same operator, deployed into the same (moto) account: each role must carry
// its own External ID and name, and removing one stack must leave the other's role alone.
const TENANTS = [
  {
    stack: "tagc-cli-acme",
    externalId: "AcmeExternalId0123456789abcdefXYZ",
    roleName: "TagComplianceReadOnly-acme",
  },
  {
    stack: "tagc-cli-globex",
    externalId: "GlobexExternalId9876543210zyxwvuQ",
    roleName: "TagComplianceReadOnly-globex",
  },
] as const;

let moto: Moto;
let cloudFormation: CloudFormationClient;
let iam: IAMClient;
let published: PublishedTemplate[];

// IAM returns policy documents URL-encoded (RFC 3986), as the API reference says.
const decodePolicy = (document: string | undefined): { Statement: Record<string, unknown>[] } =>
  JSON.parse(decodeURIComponent(document ?? "{}"));

// moto 5 stores the inline policies of a CloudFormation-created role as Python's str(dict) (in
// moto/iam/models.py, Role.create_from_cloudformation_json hands the parsed dict to put_policy
// without json.dumps), so GetRolePolicy answers {'Version': '2012-10-17', ...}. Real IAM answers
// URL-encoded JSON. Both are read here; the quote swap is safe only for text without " or \\,
// which is checked, and our policy holds neither.
function parseMotoInlinePolicy(document: string | undefined): { Statement: Record<string, unknown>[] } {
  const text = decodeURIComponent(document ?? "");
  if (text.startsWith("{'")) {
    expect(text).not.toMatch(/["\\]/);
    return JSON.parse(text.replaceAll("'", '"'));
  }
  return JSON.parse(text);
}

beforeAll(async () => {
  moto = await startMoto();
  const config = { region: REGION, endpoint: moto.endpoint, credentials: MOTO_CREDENTIALS };
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  cloudFormation = new CloudFormationClient(config);
  iam = new IAMClient(config);
  await s3.send(
    new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: REGION } }),
  );
  published = await publishTemplates({ s3, bucket: BUCKET, region: REGION, operator: OPERATOR });
  for (const tenant of TENANTS) {
    const role = published.find((template) => template.kind === "role");
    await cloudFormation.send(
      new CreateStackCommand({
        StackName: tenant.stack,
        TemplateURL: role?.url,
        Parameters: [
          { ParameterKey: "ExternalId", ParameterValue: tenant.externalId },
          { ParameterKey: "RoleName", ParameterValue: tenant.roleName },
        ],
        Capabilities: ["CAPABILITY_NAMED_IAM"],
      }),
    );
  }
});

afterAll(async () => {
  await moto?.stop();
});

describe("the published role template, deployed by moto's CloudFormation", () => {
  it("was read from the regional virtual-hosted S3 URL publishTemplates returned", () => {
    const role = published.find((template) => template.kind === "role");
    expect(role?.url).toMatch(/^https:\/\/tagc-templates-moto\.s3\.eu-west-1\.amazonaws\.com\/templates\//);
  });

  it.each(TENANTS)("creates $stack with the role ARN and template version as outputs", async (tenant) => {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: tenant.stack }));
    const [stack] = Stacks ?? [];
    expect(stack?.StackStatus).toBe("CREATE_COMPLETE");
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.RoleArn).toMatch(new RegExp(`^arn:aws:iam::\\d{12}:role/${tenant.roleName}$`));
  });

  it.each(TENANTS)(
    "trusts the operator's account root, its scanner pattern and $stack's External ID only",
    async (tenant) => {
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: tenant.roleName }));
      expect(Role?.MaxSessionDuration).toBe(3600);
      const trust = decodePolicy(Role?.AssumeRolePolicyDocument);
      const principalArn = { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/tagc-scanner-*" };
      expect(trust.Statement).toEqual([
        {
          Sid: "AssumeRoleWithExternalId",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": tenant.externalId }, ArnLike: principalArn },
        },
        {
          Sid: "SetSourceIdentityToClientId",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "sts:SetSourceIdentity",
          Condition: { ArnLike: principalArn },
        },
      ]);
      const others = TENANTS.filter((other) => other !== tenant);
      for (const other of others) expect(JSON.stringify(trust)).not.toContain(other.externalId);
    },
  );

  it.each(TENANTS)("grants $stack's role exactly SCANNER_ACTIONS in one inline policy", async (tenant) => {
    const { PolicyNames } = await iam.send(new ListRolePoliciesCommand({ RoleName: tenant.roleName }));
    expect(PolicyNames).toEqual(["TagComplianceReadOnly"]);
    const { PolicyDocument } = await iam.send(
      new GetRolePolicyCommand({ RoleName: tenant.roleName, PolicyName: "TagComplianceReadOnly" }),
    );
    const granted = parseMotoInlinePolicy(PolicyDocument).Statement.flatMap((statement) => {
      // apigateway:GET is the one action scoped below "*" (it would otherwise read API keys too).
      const resource = statement.Sid === "FindUntaggedRestApis" ? "arn:aws:apigateway:*::/restapis" : "*";
      expect(statement).toMatchObject({ Effect: "Allow", Resource: resource });
      return [statement.Action].flat();
    });
    expect(granted).toHaveLength(SCANNER_ACTIONS.length);
    expect(new Set(granted)).toEqual(new Set(SCANNER_ACTIONS.map((entry) => entry.action)));
  });

  it("deletes the role with its stack and leaves the other client's role in place", async () => {
    const [first, second] = TENANTS;
    await cloudFormation.send(new DeleteStackCommand({ StackName: first.stack }));
    await expect(iam.send(new GetRoleCommand({ RoleName: first.roleName }))).rejects.toBeInstanceOf(
      NoSuchEntityException,
    );
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: second.roleName }));
    expect(Role?.RoleName).toBe(second.roleName);
  });
});
