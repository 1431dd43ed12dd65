/**
 * Every AWS call the scanner makes with the customer's role, and why. The role template's inline
 * policy grants exactly this set (a test compares both directions, and checks each action's YAML
 * comment is this reason), so adding a call to the scanner means adding it here, to the
 * template, and to PERMISSIONS.md, and publishing a new template version.
 */
export interface ScannerAction {
  action: string;
  reason: string;
}

export const SCANNER_ACTIONS: readonly ScannerAction[] = [
  {
    action: "tag:GetResources",
    reason: "list resources and their tags across services (the main audit source)",
  },
  { action: "tag:GetTagKeys", reason: "list the tag keys in use, to spot misspelled or wrongly cased keys" },
  { action: "tag:GetTagValues", reason: "list the values in use for a key, to spot non-conforming values" },
  {
    action: "ec2:DescribeRegions",
    reason: "find the regions enabled in the account, so every one is scanned",
  },
  {
    action: "ec2:DescribeInstances",
    reason: "find EC2 instances, including untagged ones the tagging API never returns",
  },
  { action: "ec2:DescribeVolumes", reason: "find EBS volumes, including untagged ones" },
  {
    action: "ec2:DescribeSnapshots",
    reason: "find EBS snapshots owned by the account, including untagged ones",
  },
  { action: "ec2:DescribeAddresses", reason: "find Elastic IP addresses, including untagged ones" },
  { action: "ec2:DescribeNatGateways", reason: "find NAT gateways, including untagged ones" },
  { action: "s3:ListAllMyBuckets", reason: "list bucket names (never objects)" },
  { action: "s3:GetBucketTagging", reason: "read a bucket's tags (never its objects)" },
  {
    action: "s3:GetBucketLocation",
    reason: "find a bucket's region, to read its tags from the right endpoint",
  },
  { action: "rds:DescribeDBInstances", reason: "find RDS DB instances and their tags" },
  { action: "rds:DescribeDBClusters", reason: "find Aurora and Multi-AZ DB clusters and their tags" },
  { action: "rds:ListTagsForResource", reason: "read the tags of an RDS resource" },
  { action: "lambda:ListFunctions", reason: "find Lambda functions, including untagged ones" },
  { action: "lambda:ListTags", reason: "read a Lambda function's tags" },
  { action: "ecs:ListClusters", reason: "find ECS clusters" },
  { action: "ecs:DescribeClusters", reason: "read an ECS cluster's tags" },
  { action: "ecs:ListServices", reason: "find the services in each ECS cluster" },
  { action: "ecs:DescribeServices", reason: "read an ECS service's tags" },
  {
    action: "ecs:ListTaskDefinitions",
    reason: "find active ECS task definitions, including untagged ones",
  },
  {
    action: "ecs:DescribeTaskDefinition",
    reason: "read an ECS task definition's tags and registration date",
  },
  { action: "dynamodb:ListTables", reason: "list table names (never items)" },
  { action: "dynamodb:DescribeTable", reason: "read a table's ARN, needed to read its tags (never items)" },
  { action: "dynamodb:ListTagsOfResource", reason: "read a DynamoDB table's tags" },
  {
    action: "elasticloadbalancing:DescribeLoadBalancers",
    reason: "find application, network and gateway load balancers, including untagged ones",
  },
  {
    action: "elasticloadbalancing:DescribeTargetGroups",
    reason: "find load balancer target groups, including untagged ones",
  },
  {
    action: "elasticloadbalancing:DescribeTags",
    reason: "read the tags of load balancers and target groups",
  },
  {
    action: "elasticache:DescribeCacheClusters",
    reason: "find ElastiCache clusters, including untagged ones",
  },
  {
    action: "elasticache:DescribeReplicationGroups",
    reason: "find ElastiCache replication groups, including untagged ones",
  },
  {
    action: "elasticache:ListTagsForResource",
    reason: "read the tags of an ElastiCache cluster or replication group",
  },
  {
    action: "kinesis:ListStreams",
    reason: "find Kinesis data streams, including untagged ones (never records)",
  },
  { action: "kinesis:ListTagsForStream", reason: "read a Kinesis data stream's tags" },
  {
    action: "elasticfilesystem:DescribeFileSystems",
    reason: "find EFS file systems and their tags (never file contents)",
  },
  {
    action: "secretsmanager:ListSecrets",
    reason: "find secrets and their tags (never a secret's value)",
  },
  { action: "kms:ListKeys", reason: "find KMS keys, including untagged ones" },
  {
    action: "kms:DescribeKey",
    reason: "tell customer-managed KMS keys from AWS-managed ones (never key material)",
  },
  { action: "kms:ListResourceTags", reason: "read a KMS key's tags" },
  { action: "eks:ListClusters", reason: "find EKS clusters, including untagged ones" },
  { action: "eks:DescribeCluster", reason: "read an EKS cluster's tags and status" },
  { action: "sagemaker:ListEndpoints", reason: "find SageMaker endpoints, including untagged ones" },
  {
    action: "sagemaker:ListNotebookInstances",
    reason: "find SageMaker notebook instances, including untagged ones",
  },
  { action: "sagemaker:ListTags", reason: "read a SageMaker endpoint's or notebook instance's tags" },
  { action: "bedrock:ListAgents", reason: "find Bedrock agents, including untagged ones" },
  { action: "bedrock:ListKnowledgeBases", reason: "find Bedrock knowledge bases, including untagged ones" },
  { action: "bedrock:ListTagsForResource", reason: "read a Bedrock agent's or knowledge base's tags" },
  { action: "eks:ListNodegroups", reason: "find EKS managed node groups, including untagged ones" },
  { action: "eks:DescribeNodegroup", reason: "read an EKS node group's tags and status" },
  { action: "fsx:DescribeFileSystems", reason: "find FSx file systems and their tags (never file contents)" },
  { action: "redshift:DescribeClusters", reason: "find Redshift clusters and their tags (never query data)" },
  { action: "elasticmapreduce:ListClusters", reason: "find running EMR clusters, including untagged ones" },
  { action: "elasticmapreduce:DescribeCluster", reason: "read an EMR cluster's tags" },
  { action: "glue:ListJobs", reason: "find Glue jobs, including untagged ones (names only, never scripts)" },
  { action: "glue:ListCrawlers", reason: "find Glue crawlers, including untagged ones" },
  { action: "glue:GetTags", reason: "read a Glue job's or crawler's tags" },
  { action: "es:ListDomainNames", reason: "find OpenSearch domains, including untagged ones" },
  {
    action: "es:DescribeDomains",
    reason: "tell OpenSearch domains being deleted from live ones (never index data)",
  },
  { action: "es:ListTags", reason: "read an OpenSearch domain's tags" },
  {
    action: "states:ListStateMachines",
    reason: "find Step Functions state machines, including untagged ones",
  },
  {
    action: "states:ListTagsForResource",
    reason: "read a Step Functions state machine's tags (never executions)",
  },
  {
    action: "cloudfront:ListDistributions",
    reason: "find CloudFront distributions, including untagged ones",
  },
  { action: "cloudfront:ListTagsForResource", reason: "read a CloudFront distribution's tags" },
  {
    action: "route53:ListHostedZones",
    reason: "find Route 53 hosted zones, including untagged ones (never records)",
  },
  { action: "route53:ListTagsForResources", reason: "read the tags of Route 53 hosted zones" },
  { action: "codepipeline:ListPipelines", reason: "find CodePipeline pipelines, including untagged ones" },
  { action: "codepipeline:ListTagsForResource", reason: "read a CodePipeline pipeline's tags" },
  { action: "cognito-idp:ListUserPools", reason: "find Cognito user pools, including untagged ones" },
  {
    action: "cognito-idp:DescribeUserPool",
    reason: "read a Cognito user pool's tags and creation date (never its users)",
  },
  {
    action: "cognito-identity:ListIdentityPools",
    reason: "find Cognito identity pools, including untagged ones",
  },
  {
    action: "cognito-identity:DescribeIdentityPool",
    reason: "read a Cognito identity pool's tags (never its identities)",
  },
  {
    action: "apigateway:GET",
    reason: "find API Gateway REST APIs and their tags (GET on /restapis only, never API keys)",
  },
  { action: "codebuild:ListProjects", reason: "find CodeBuild projects, including untagged ones" },
  {
    action: "codebuild:BatchGetProjects",
    reason: "read a CodeBuild project's tags and creation date (never its builds or logs)",
  },
  {
    action: "firehose:ListDeliveryStreams",
    reason: "find Firehose streams, including untagged ones (never records)",
  },
  { action: "firehose:DescribeDeliveryStream", reason: "read a Firehose stream's status and creation time" },
  { action: "firehose:ListTagsForDeliveryStream", reason: "read a Firehose stream's tags" },
  { action: "kafka:ListClustersV2", reason: "find MSK clusters and their tags (never topics or messages)" },
  {
    action: "dms:DescribeReplicationInstances",
    reason: "find DMS replication instances, including untagged ones (never migrated data)",
  },
  { action: "dms:ListTagsForResource", reason: "read DMS replication instances' tags" },
  {
    action: "memorydb:DescribeClusters",
    reason: "find MemoryDB clusters, including untagged ones (never stored data)",
  },
  { action: "memorydb:ListTags", reason: "read a MemoryDB cluster's tags" },
  {
    action: "transfer:ListServers",
    reason: "find Transfer Family servers, including untagged ones (never transferred files)",
  },
  { action: "transfer:ListTagsForResource", reason: "read a Transfer Family server's tags" },
  { action: "apprunner:ListServices", reason: "find App Runner services, including untagged ones" },
  { action: "apprunner:ListTagsForResource", reason: "read an App Runner service's tags" },
  {
    action: "dax:DescribeClusters",
    reason: "find DAX clusters, including untagged ones (never cached items)",
  },
  { action: "dax:ListTags", reason: "read a DAX cluster's tags" },
  { action: "glue:GetDatabases", reason: "list Glue Data Catalog databases, to find their tables" },
  {
    action: "glue:GetTables",
    reason: "find Glue Data Catalog tables, which AWS cannot tag (metadata only, never table data)",
  },
  {
    action: "ec2:DescribeVpcEndpoints",
    reason: "find VPC endpoints and their tags, including untagged ones",
  },
  { action: "ce:GetCostAndUsage", reason: "read cost grouped by tag, to size the spend no tag attributes" },
  {
    action: "ce:ListCostAllocationTags",
    reason: "see which tag keys are activated for cost allocation",
  },
  { action: "organizations:ListPolicies", reason: "list the organization's tag policies, to import them" },
  { action: "organizations:DescribePolicy", reason: "read a tag policy's content, to import it" },
  {
    action: "organizations:ListTargetsForPolicy",
    reason: "see which accounts and OUs a tag policy applies to",
  },
];
