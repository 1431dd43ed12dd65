import { describe, expect, it } from "vitest";
import { renderRole, SCANNER_ACTIONS } from "../src/index";
import { CONTROL_PLANE_ACCOUNT, CUSTOMER_ACCOUNT, decide, withRolePolicy } from "./simulate";

const { permissionsPolicy } = renderRole({
  platformAccountId: CONTROL_PLANE_ACCOUNT,
  externalId: "A".repeat(32),
});

const region = "us-east-1";
const arn = {
  bucket: "arn:aws:s3:::customer-bucket",
  object: "arn:aws:s3:::customer-bucket/exports/payroll.csv",
  instance: `arn:aws:ec2:${region}:${CUSTOMER_ACCOUNT}:instance/i-0123456789abcdef0`,
  volume: `arn:aws:ec2:${region}:${CUSTOMER_ACCOUNT}:volume/vol-0123456789abcdef0`,
  db: `arn:aws:rds:${region}:${CUSTOMER_ACCOUNT}:db:orders`,
  dbCluster: `arn:aws:rds:${region}:${CUSTOMER_ACCOUNT}:cluster:orders`,
  function: `arn:aws:lambda:${region}:${CUSTOMER_ACCOUNT}:function:billing`,
  ecsCluster: `arn:aws:ecs:${region}:${CUSTOMER_ACCOUNT}:cluster/prod`,
  ecsService: `arn:aws:ecs:${region}:${CUSTOMER_ACCOUNT}:service/prod/api`,
  table: `arn:aws:dynamodb:${region}:${CUSTOMER_ACCOUNT}:table/orders`,
  orgPolicy: `arn:aws:organizations::${CUSTOMER_ACCOUNT}:policy/o-abcdefghij/tag_policy/p-abcdefgh`,
  user: `arn:aws:iam::${CUSTOMER_ACCOUNT}:user/intruder`,
  adminRole: `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/admin`,
  secret: `arn:aws:secretsmanager:${region}:${CUSTOMER_ACCOUNT}:secret:db-password-AbCdEf`,
  key: `arn:aws:kms:${region}:${CUSTOMER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  parameter: `arn:aws:ssm:${region}:${CUSTOMER_ACCOUNT}:parameter/prod/db-password`,
  logGroup: `arn:aws:logs:${region}:${CUSTOMER_ACCOUNT}:log-group:/aws/lambda/billing:log-stream:x`,
};

// A concrete resource per action, so each simulation is a single, specific request. Wildcard-only
// actions (List/Describe calls that IAM cannot scope) use "*", as the real call does.
const RESOURCE_FOR: Record<string, string> = {
  "s3:GetBucketTagging": arn.bucket,
  "s3:GetBucketLocation": arn.bucket,
  "rds:DescribeDBInstances": arn.db,
  "rds:DescribeDBClusters": arn.dbCluster,
  "rds:ListTagsForResource": arn.db,
  "lambda:ListTags": arn.function,
  "ecs:DescribeClusters": arn.ecsCluster,
  "ecs:DescribeServices": arn.ecsService,
  "dynamodb:DescribeTable": arn.table,
  "dynamodb:ListTagsOfResource": arn.table,
  "organizations:DescribePolicy": arn.orgPolicy,
  "organizations:ListTargetsForPolicy": arn.orgPolicy,
  "apigateway:GET": `arn:aws:apigateway:${region}::/restapis`,
};

// Writes, deletes, tagging, privilege escalation and data-plane reads. None is in the policy, so
// each must come out denied; the list covers every service the role touches plus the usual
// escalation and secret-reading paths.
const DENIED: [action: string, resource: string][] = [
  ["ec2:RunInstances", arn.instance],
  ["ec2:TerminateInstances", arn.instance],
  ["ec2:StopInstances", arn.instance],
  ["ec2:CreateTags", arn.instance],
  ["ec2:DeleteTags", arn.instance],
  ["ec2:DeleteVolume", arn.volume],
  ["ec2:DescribeInstanceAttribute", arn.instance],
  ["ec2:GetConsoleOutput", arn.instance],
  ["s3:GetObject", arn.object],
  ["s3:PutObject", arn.object],
  ["s3:DeleteObject", arn.object],
  ["s3:ListBucket", arn.bucket],
  ["s3:PutBucketTagging", arn.bucket],
  ["s3:PutBucketPolicy", arn.bucket],
  ["dynamodb:Scan", arn.table],
  ["dynamodb:GetItem", arn.table],
  ["dynamodb:Query", arn.table],
  ["dynamodb:BatchGetItem", arn.table],
  ["dynamodb:TagResource", arn.table],
  ["rds:DeleteDBInstance", arn.db],
  ["rds:AddTagsToResource", arn.db],
  ["lambda:InvokeFunction", arn.function],
  ["lambda:GetFunction", arn.function],
  ["lambda:TagResource", arn.function],
  ["ecs:TagResource", arn.ecsCluster],
  ["ecs:UpdateService", arn.ecsService],
  ["iam:CreateUser", arn.user],
  ["iam:PassRole", arn.adminRole],
  ["iam:AttachRolePolicy", arn.adminRole],
  ["sts:AssumeRole", arn.adminRole],
  ["organizations:CreatePolicy", arn.orgPolicy],
  ["organizations:AttachPolicy", arn.orgPolicy],
  ["tag:TagResources", "*"],
  ["tag:UntagResources", "*"],
  ["ce:CreateCostCategoryDefinition", "*"],
  ["secretsmanager:GetSecretValue", arn.secret],
  ["kms:Decrypt", arn.key],
  ["ssm:GetParameter", arn.parameter],
  ["logs:GetLogEvents", arn.logGroup],
  // apigateway:GET is granted on the REST API collection only: never API keys' values.
  ["apigateway:GET", `arn:aws:apigateway:${region}::/apikeys`],
  ["apigateway:GET", `arn:aws:apigateway:${region}::/apikeys/abc123`],
];

describe("the rendered permissions policy under IAM evaluation", () => {
  it.each(SCANNER_ACTIONS.map((entry) => entry.action))("allows %s", async (action) => {
    const simulation = withRolePolicy(permissionsPolicy, action, RESOURCE_FOR[action] ?? "*");
    expect(await decide(simulation)).toBe("Allowed");
  });

  it.each(DENIED)("denies %s", async (action, resource) => {
    expect(await decide(withRolePolicy(permissionsPolicy, action, resource))).toBe("ImplicitlyDenied");
  });

  it("would allow a write if the policy granted one (the denials above are not vacuous)", async () => {
    const widened = {
      ...permissionsPolicy,
      Statement: [
        ...permissionsPolicy.Statement,
        { Effect: "Allow" as const, Action: "s3:GetObject", Resource: "*" },
      ],
    };
    expect(await decide(withRolePolicy(widened, "s3:GetObject", arn.object))).toBe("Allowed");
  });
});
