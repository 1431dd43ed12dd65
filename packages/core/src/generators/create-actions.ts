// The API actions that create each catalog type, for SCPs that deny creation without required tags.
// EC2 actions authorize several resources at once (RunInstances also touches images, snapshots,
// subnets...), and aws:RequestTag is only set on the resources being created, so an EC2 action is
// paired with the ARN pattern of what it creates; a "*" resource would deny every launch.

export interface CreateAction {
  action: string;
  /** ARN pattern of the created resource for EC2; "*" for services that authorize one resource. */
  resource: string;
}

const ec2 = (action: string, kind: string): CreateAction => ({ action, resource: `arn:*:ec2:*:*:${kind}/*` });

export const CREATE_ACTIONS: Readonly<Record<string, CreateAction[]>> = {
  "ec2:instance": [ec2("ec2:RunInstances", "instance")],
  "ec2:volume": [ec2("ec2:CreateVolume", "volume"), ec2("ec2:RunInstances", "volume")],
  "ec2:snapshot": [ec2("ec2:CreateSnapshot", "snapshot"), ec2("ec2:CreateSnapshots", "snapshot")],
  "ec2:elastic-ip": [ec2("ec2:AllocateAddress", "elastic-ip")],
  "ec2:natgateway": [ec2("ec2:CreateNatGateway", "natgateway")],
  "ec2:vpc-endpoint": [ec2("ec2:CreateVpcEndpoint", "vpc-endpoint")],
  "lambda:function": [{ action: "lambda:CreateFunction", resource: "*" }],
  "ecs:cluster": [{ action: "ecs:CreateCluster", resource: "*" }],
  "ecs:service": [{ action: "ecs:CreateService", resource: "*" }],
  "ecs:task-definition": [{ action: "ecs:RegisterTaskDefinition", resource: "*" }],
  "eks:cluster": [{ action: "eks:CreateCluster", resource: "*" }],
  "eks:nodegroup": [{ action: "eks:CreateNodegroup", resource: "*" }],
  "s3:bucket": [{ action: "s3:CreateBucket", resource: "*" }],
  "elasticfilesystem:file-system": [{ action: "elasticfilesystem:CreateFileSystem", resource: "*" }],
  "fsx:file-system": [{ action: "fsx:CreateFileSystem", resource: "*" }],
  "rds:db": [{ action: "rds:CreateDBInstance", resource: "*" }],
  "rds:cluster": [{ action: "rds:CreateDBCluster", resource: "*" }],
  "dynamodb:table": [{ action: "dynamodb:CreateTable", resource: "*" }],
  "elasticache:cluster": [{ action: "elasticache:CreateCacheCluster", resource: "*" }],
  "elasticache:replicationgroup": [{ action: "elasticache:CreateReplicationGroup", resource: "*" }],
  "redshift:cluster": [{ action: "redshift:CreateCluster", resource: "*" }],
  "sagemaker:endpoint": [{ action: "sagemaker:CreateEndpoint", resource: "*" }],
  "sagemaker:notebook-instance": [{ action: "sagemaker:CreateNotebookInstance", resource: "*" }],
  "elasticloadbalancing:loadbalancer": [{ action: "elasticloadbalancing:CreateLoadBalancer", resource: "*" }],
  "elasticloadbalancing:targetgroup": [{ action: "elasticloadbalancing:CreateTargetGroup", resource: "*" }],
  "kinesis:stream": [{ action: "kinesis:CreateStream", resource: "*" }],
  "glue:job": [{ action: "glue:CreateJob", resource: "*" }],
  "glue:crawler": [{ action: "glue:CreateCrawler", resource: "*" }],
  "opensearch:domain": [{ action: "es:CreateDomain", resource: "*" }],
  "emr:cluster": [{ action: "elasticmapreduce:RunJobFlow", resource: "*" }],
  "secretsmanager:secret": [{ action: "secretsmanager:CreateSecret", resource: "*" }],
  "kms:key": [{ action: "kms:CreateKey", resource: "*" }],
  "stepfunctions:statemachine": [{ action: "states:CreateStateMachine", resource: "*" }],
  "codebuild:project": [{ action: "codebuild:CreateProject", resource: "*" }],
  "codepipeline:pipeline": [{ action: "codepipeline:CreatePipeline", resource: "*" }],
  "cognito-idp:userpool": [{ action: "cognito-idp:CreateUserPool", resource: "*" }],
};

export const createActionsFor = (type: string): CreateAction[] => CREATE_ACTIONS[type] ?? [];
