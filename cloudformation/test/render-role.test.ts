// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub strings contain ${...} on purpose; they are CloudFormation text, not JS templates.
import { describe, expect, it } from "vitest";
import {
  type CfnTemplate,
  loadTemplate,
  parseTemplate,
  renderRole,
  renderTemplate,
  TEMPLATE_VERSION,
  TemplateError,
  TemplateParameterError,
} from "../src/index";

const EXTERNAL_ID = "q7Vx2LmN9pR4sT6uW8yZ1aB3cD5eF7gH";
// The repository template holds placeholders, so every render names the operator's account.
const OPERATOR = { platformAccountId: "111111111111" };

const scannerCondition = (partition: string, account: string) => ({
  ArnLike: { "aws:PrincipalArn": `arn:${partition}:iam::${account}:role/tagc-scanner-*` },
});

function expectedTrust(partition: string, account: string) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AssumeRoleWithExternalId",
        Effect: "Allow",
        Principal: { AWS: `arn:${partition}:iam::${account}:root` },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "sts:ExternalId": EXTERNAL_ID },
          ...scannerCondition(partition, account),
        },
      },
      {
        Sid: "SetSourceIdentityToClientId",
        Effect: "Allow",
        Principal: { AWS: `arn:${partition}:iam::${account}:root` },
        Action: "sts:SetSourceIdentity",
        Condition: scannerCondition(partition, account),
      },
    ],
  };
}

// Written out rather than derived from SCANNER_ACTIONS, so this test fails if the template and
// the code list drift together in the wrong direction.
const allow = (Sid: string, Action: string[]) => ({ Sid, Effect: "Allow", Action, Resource: "*" });
const EXPECTED_PERMISSIONS = {
  Version: "2012-10-17",
  Statement: [
    allow("ReadTags", ["tag:GetResources", "tag:GetTagKeys", "tag:GetTagValues"]),
    allow("FindUntaggedEc2", [
      "ec2:DescribeRegions",
      "ec2:DescribeInstances",
      "ec2:DescribeVolumes",
      "ec2:DescribeSnapshots",
      "ec2:DescribeAddresses",
      "ec2:DescribeNatGateways",
    ]),
    allow("FindUntaggedS3Buckets", ["s3:ListAllMyBuckets", "s3:GetBucketTagging", "s3:GetBucketLocation"]),
    allow("FindUntaggedRds", [
      "rds:DescribeDBInstances",
      "rds:DescribeDBClusters",
      "rds:ListTagsForResource",
    ]),
    allow("FindUntaggedLambda", ["lambda:ListFunctions", "lambda:ListTags"]),
    allow("FindUntaggedEcs", [
      "ecs:ListClusters",
      "ecs:DescribeClusters",
      "ecs:ListServices",
      "ecs:DescribeServices",
      "ecs:ListTaskDefinitions",
      "ecs:DescribeTaskDefinition",
    ]),
    allow("FindUntaggedDynamoDb", [
      "dynamodb:ListTables",
      "dynamodb:DescribeTable",
      "dynamodb:ListTagsOfResource",
    ]),
    allow("FindUntaggedLoadBalancers", [
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTags",
    ]),
    allow("FindUntaggedElastiCache", [
      "elasticache:DescribeCacheClusters",
      "elasticache:DescribeReplicationGroups",
      "elasticache:ListTagsForResource",
    ]),
    allow("FindUntaggedKinesis", ["kinesis:ListStreams", "kinesis:ListTagsForStream"]),
    allow("FindUntaggedEfs", ["elasticfilesystem:DescribeFileSystems"]),
    allow("FindUntaggedSecrets", ["secretsmanager:ListSecrets"]),
    allow("FindUntaggedKmsKeys", ["kms:ListKeys", "kms:DescribeKey", "kms:ListResourceTags"]),
    allow("FindUntaggedEks", ["eks:ListClusters", "eks:DescribeCluster"]),
    allow("FindUntaggedSageMaker", [
      "sagemaker:ListEndpoints",
      "sagemaker:ListNotebookInstances",
      "sagemaker:ListTags",
    ]),
    allow("FindUntaggedBedrock", [
      "bedrock:ListAgents",
      "bedrock:ListKnowledgeBases",
      "bedrock:ListTagsForResource",
    ]),
    allow("FindUntaggedEksNodegroups", ["eks:ListNodegroups", "eks:DescribeNodegroup"]),
    allow("FindUntaggedFsx", ["fsx:DescribeFileSystems"]),
    allow("FindUntaggedRedshift", ["redshift:DescribeClusters"]),
    allow("FindUntaggedEmr", ["elasticmapreduce:ListClusters", "elasticmapreduce:DescribeCluster"]),
    allow("FindUntaggedGlueJobsAndCrawlers", ["glue:ListJobs", "glue:ListCrawlers", "glue:GetTags"]),
    allow("FindUntaggedOpenSearch", ["es:ListDomainNames", "es:DescribeDomains", "es:ListTags"]),
    allow("FindUntaggedStepFunctions", ["states:ListStateMachines", "states:ListTagsForResource"]),
    allow("FindUntaggedCloudFrontDistributions", [
      "cloudfront:ListDistributions",
      "cloudfront:ListTagsForResource",
    ]),
    allow("FindUntaggedRoute53HostedZones", ["route53:ListHostedZones", "route53:ListTagsForResources"]),
    allow("FindUntaggedCodePipelines", ["codepipeline:ListPipelines", "codepipeline:ListTagsForResource"]),
    allow("FindUntaggedCognito", [
      "cognito-idp:ListUserPools",
      "cognito-idp:DescribeUserPool",
      "cognito-identity:ListIdentityPools",
      "cognito-identity:DescribeIdentityPool",
    ]),
    {
      Sid: "FindUntaggedRestApis",
      Effect: "Allow",
      Action: ["apigateway:GET"],
      Resource: "arn:aws:apigateway:*::/restapis",
    },
    allow("FindUntaggedCodeBuild", ["codebuild:ListProjects", "codebuild:BatchGetProjects"]),
    allow("FindUntaggedFirehose", [
      "firehose:ListDeliveryStreams",
      "firehose:DescribeDeliveryStream",
      "firehose:ListTagsForDeliveryStream",
    ]),
    allow("FindUntaggedMsk", ["kafka:ListClustersV2"]),
    allow("FindUntaggedDmsReplicationInstances", [
      "dms:DescribeReplicationInstances",
      "dms:ListTagsForResource",
    ]),
    allow("FindUntaggedMemoryDb", ["memorydb:DescribeClusters", "memorydb:ListTags"]),
    allow("FindUntaggedTransferServers", ["transfer:ListServers", "transfer:ListTagsForResource"]),
    allow("FindUntaggedAppRunner", ["apprunner:ListServices", "apprunner:ListTagsForResource"]),
    allow("FindUntaggedDax", ["dax:DescribeClusters", "dax:ListTags"]),
    allow("FindUntaggedGlueTables", ["glue:GetDatabases", "glue:GetTables"]),
    allow("FindUntaggedVpcEndpoints", ["ec2:DescribeVpcEndpoints"]),
    allow("CostByTag", ["ce:GetCostAndUsage", "ce:ListCostAllocationTags"]),
    allow("ImportOrganizationTagPolicies", [
      "organizations:ListPolicies",
      "organizations:DescribePolicy",
      "organizations:ListTargetsForPolicy",
    ]),
  ],
};

describe("renderRole", () => {
  it("renders exactly the role the template creates", () => {
    expect(
      renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, roleName: "TagComplianceReadOnly-01hx7k2m" }),
    ).toEqual({
      roleName: "TagComplianceReadOnly-01hx7k2m",
      description: "Read-only access for Tag Compliance Cloud (tag, inventory and cost-by-tag audit).",
      trustPolicy: expectedTrust("aws", "111111111111"),
      permissionsPolicyName: "TagComplianceReadOnly",
      permissionsPolicy: EXPECTED_PERMISSIONS,
      maxSessionDuration: 3600,
      templateVersion: TEMPLATE_VERSION,
    });
  });

  it("uses the template's default role name when none is given, as CloudFormation does", () => {
    expect(renderRole({ ...OPERATOR, externalId: EXTERNAL_ID }).roleName).toBe("TagComplianceReadOnly");
  });

  it("builds every ARN in the requested partition", () => {
    const rendered = renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, partition: "aws-us-gov" });
    expect(rendered.trustPolicy).toEqual(expectedTrust("aws-us-gov", "111111111111"));
  });

  it("moves both the principal and the caller pattern when the control-plane account is overridden", () => {
    const rendered = renderRole({ externalId: EXTERNAL_ID, controlPlaneAccountId: "000000000042" });
    expect(rendered.trustPolicy).toEqual(expectedTrust("aws", "000000000042"));
    expect(JSON.stringify(rendered.trustPolicy)).not.toContain("111111111111");
  });

  it("does not change the loaded template when overriding the account", () => {
    const template = loadTemplate();
    renderRole({ externalId: EXTERNAL_ID, controlPlaneAccountId: "000000000042", template });
    expect(template.Mappings?.ControlPlane?.Account?.Id).toBe("__PLATFORM_ACCOUNT_ID__");
  });

  it("accepts External IDs at both length limits", () => {
    for (const externalId of ["a".repeat(32), "Z9".repeat(64)]) {
      const [assume] = renderRole({ ...OPERATOR, externalId }).trustPolicy.Statement;
      expect(assume?.Condition?.StringEquals?.["sts:ExternalId"]).toBe(externalId);
    }
  });
});

describe("renderRole for an operator", () => {
  it("takes platformAccountId and a scanner pattern, and keeps controlPlaneAccountId as an alias", () => {
    const rendered = renderRole({
      externalId: EXTERNAL_ID,
      platformAccountId: "000000000042",
      scannerRolePattern: "acme-scan-*",
    });
    expect(rendered.trustPolicy.Statement[0]?.Principal).toEqual({ AWS: "arn:aws:iam::000000000042:root" });
    expect(rendered.trustPolicy.Statement[1]?.Condition).toEqual({
      ArnLike: { "aws:PrincipalArn": "arn:aws:iam::000000000042:role/acme-scan-*" },
    });
    const alias = renderRole({ externalId: EXTERNAL_ID, controlPlaneAccountId: "000000000042" });
    expect(alias.trustPolicy).toEqual(expectedTrust("aws", "000000000042"));
  });

  it("refuses to render the repository template without an account, naming the field", () => {
    const attempt = () => renderRole({ externalId: EXTERNAL_ID });
    expect(attempt).toThrow(TemplateParameterError);
    expect(attempt).toThrow(/^platformAccountId: is required/);
  });

  it("uses the values of a template already rendered for an operator", () => {
    const template = parseTemplate(
      renderTemplate("role", { platformAccountId: "000000000099", scannerRolePattern: "ops-*" }),
    );
    const rendered = renderRole({ externalId: EXTERNAL_ID, template });
    expect(rendered.trustPolicy.Statement[0]?.Condition?.ArnLike).toEqual({
      "aws:PrincipalArn": "arn:aws:iam::000000000099:role/ops-*",
    });
  });

  it.each([
    ["a slash", "team/scanner-*"],
    ["a colon", "scanner:*"],
    ["65 characters", "s".repeat(65)],
    ["nothing", ""],
  ])("refuses a scanner pattern with %s", (_label, scannerRolePattern) => {
    expect(() => renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, scannerRolePattern })).toThrow(
      /^scannerRolePattern: must be a role-name glob/,
    );
  });
});

describe("renderRole rejects what the template's parameter constraints reject", () => {
  const badExternalIds: [string, string, RegExp][] = [
    ["empty", "", /at least 32/],
    ["31 characters", "a".repeat(31), /at least 32/],
    ["129 characters", "a".repeat(129), /at most 128/],
    ["a hyphen", `${"a".repeat(31)}-`, /must match/],
    ["an underscore", `${"a".repeat(31)}_`, /must match/],
    ["a space", `${"a".repeat(31)} `, /must match/],
    ["a trailing newline", `${"a".repeat(32)}\n`, /must match/],
    ["a non-ASCII letter", `${"a".repeat(31)}é`, /must match/],
  ];

  it.each(badExternalIds)("an External ID with %s", (_label, externalId, message) => {
    const attempt = () => renderRole({ ...OPERATOR, externalId });
    expect(attempt).toThrow(TemplateParameterError);
    expect(attempt).toThrow(message);
  });

  it("never echoes the External ID in the error", () => {
    const externalId = `${"S3cr3t".repeat(6)}!`;
    try {
      renderRole({ ...OPERATOR, externalId });
      expect.unreachable("an External ID with ! must be rejected");
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateParameterError);
      expect((error as TemplateParameterError).parameter).toBe("ExternalId");
      expect((error as Error).message).not.toContain("S3cr3t");
    }
  });

  it.each([
    ["empty", ""],
    ["65 characters", "r".repeat(65)],
    ["a slash", "team/role"],
    ["a space", "Tag Compliance"],
    ["a colon", "tagc:role"],
  ])("a role name with %s", (_label, roleName) => {
    expect(() => renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, roleName })).toThrow(
      TemplateParameterError,
    );
  });

  it("accepts a role name using every allowed punctuation character", () => {
    expect(renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, roleName: "a+b=c,d.e@f_g-h" }).roleName).toBe(
      "a+b=c,d.e@f_g-h",
    );
  });

  it.each(["11111111111", "1111111111111", "abcdefghijkl"])("a control-plane account id %s", (account) => {
    expect(() => renderRole({ externalId: EXTERNAL_ID, controlPlaneAccountId: account })).toThrow(
      /12-digit AWS account id/,
    );
  });
});

describe("renderRole refuses templates it cannot reproduce exactly", () => {
  function edited(edit: (template: CfnTemplate) => void): CfnTemplate {
    const template = loadTemplate();
    edit(template);
    return template;
  }

  it("a role with a managed policy attached", () => {
    const template = edited((t) => {
      const role = t.Resources.TagComplianceRole;
      if (role?.Properties) role.Properties.ManagedPolicyArns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"];
    });
    expect(() => renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, template })).toThrow(/ManagedPolicyArns/);
  });

  it("a role whose name comes from another resource's attribute", () => {
    const template = edited((t) => {
      const role = t.Resources.TagComplianceRole;
      if (role?.Properties) role.Properties.RoleName = { "Fn::GetAtt": ["Other", "Name"] };
    });
    expect(() => renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, template })).toThrow(TemplateError);
  });

  it("a reference to a pseudo parameter it was not given", () => {
    const template = edited((t) => {
      const role = t.Resources.TagComplianceRole;
      if (role?.Properties) role.Properties.Description = { "Fn::Sub": "in ${AWS::AccountId}" };
    });
    expect(() => renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, template })).toThrow(/AWS::AccountId/);
    const rendered = renderRole({
      ...OPERATOR,
      externalId: EXTERNAL_ID,
      template,
      accountId: "222222222222",
    });
    expect(rendered.description).toBe("in 222222222222");
  });

  it("a template without a TemplateVersion", () => {
    const template = edited((t) => {
      delete t.Metadata?.TemplateVersion;
    });
    expect(() => renderRole({ ...OPERATOR, externalId: EXTERNAL_ID, template })).toThrow(/TemplateVersion/);
  });
});
