// The role's permissions in plain words for the customer's page, derived from SCANNER_ACTIONS (the
// list the template's policy is tested against), so the page cannot promise less than the role can.
import { SCANNER_ACTIONS } from "@tagc/cloudformation";

/** The customer-facing name of each IAM prefix the role grants (a test keeps it complete). */
export const SERVICE_NAMES: Readonly<Record<string, string>> = {
  tag: "Resource tagging",
  ec2: "Amazon EC2",
  s3: "Amazon S3",
  rds: "Amazon RDS",
  lambda: "AWS Lambda",
  ecs: "Amazon ECS",
  dynamodb: "Amazon DynamoDB",
  elasticloadbalancing: "Elastic Load Balancing",
  elasticache: "Amazon ElastiCache",
  kinesis: "Amazon Kinesis Data Streams",
  elasticfilesystem: "Amazon EFS",
  secretsmanager: "AWS Secrets Manager",
  kms: "AWS KMS",
  eks: "Amazon EKS",
  sagemaker: "Amazon SageMaker",
  bedrock: "Amazon Bedrock",
  fsx: "Amazon FSx",
  redshift: "Amazon Redshift",
  elasticmapreduce: "Amazon EMR",
  glue: "AWS Glue",
  es: "Amazon OpenSearch Service",
  states: "AWS Step Functions",
  cloudfront: "Amazon CloudFront",
  route53: "Amazon Route 53",
  codepipeline: "AWS CodePipeline",
  "cognito-idp": "Amazon Cognito user pools",
  "cognito-identity": "Amazon Cognito identity pools",
  apigateway: "Amazon API Gateway",
  codebuild: "AWS CodeBuild",
  firehose: "Amazon Data Firehose",
  kafka: "Amazon MSK",
  dms: "AWS Database Migration Service",
  memorydb: "Amazon MemoryDB",
  transfer: "AWS Transfer Family",
  apprunner: "AWS App Runner",
  dax: "Amazon DynamoDB Accelerator (DAX)",
  ce: "Cost Explorer",
  organizations: "AWS Organizations",
};

export interface PermissionGroup {
  service: string;
  reads: { action: string; reason: string }[];
}

export function permissionGroups(): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const { action, reason } of SCANNER_ACTIONS) {
    const prefix = action.split(":")[0] ?? action;
    const service = SERVICE_NAMES[prefix] ?? prefix;
    const group = groups.get(service) ?? { service, reads: [] };
    group.reads.push({ action, reason });
    groups.set(service, group);
  }
  return [...groups.values()];
}

/** What the role can never do, as PERMISSIONS.md states it for the security review. */
export const PERMISSION_LIMITS = [
  "It cannot create, change, tag, untag or delete anything in your account.",
  "It cannot read your data: no S3 objects, no DynamoDB items, no secrets, no logs.",
  "It cannot pass or assume other roles.",
  "Only our scanner role can assume it, only with your External ID, for at most one hour per session.",
  "Deleting the stack removes the role and ends our access.",
] as const;
