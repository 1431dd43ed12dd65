// AWS Config resource types (the CloudFormation names Config records) for the catalog's types.
// Only types Config records with their tags are listed: a REQUIRED_TAGS rule scoped to anything else
// would evaluate nothing. The generators report the types left out.

export const CONFIG_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  "ec2:instance": "AWS::EC2::Instance",
  "ec2:volume": "AWS::EC2::Volume",
  "ec2:elastic-ip": "AWS::EC2::EIP",
  "ec2:natgateway": "AWS::EC2::NatGateway",
  "ec2:vpc-endpoint": "AWS::EC2::VPCEndpoint",
  "lambda:function": "AWS::Lambda::Function",
  "ecs:cluster": "AWS::ECS::Cluster",
  "ecs:service": "AWS::ECS::Service",
  "ecs:task-definition": "AWS::ECS::TaskDefinition",
  "eks:cluster": "AWS::EKS::Cluster",
  "s3:bucket": "AWS::S3::Bucket",
  "elasticfilesystem:file-system": "AWS::EFS::FileSystem",
  "rds:db": "AWS::RDS::DBInstance",
  "rds:cluster": "AWS::RDS::DBCluster",
  "dynamodb:table": "AWS::DynamoDB::Table",
  "elasticache:cluster": "AWS::ElastiCache::CacheCluster",
  "elasticache:replicationgroup": "AWS::ElastiCache::ReplicationGroup",
  "redshift:cluster": "AWS::Redshift::Cluster",
  "sagemaker:notebook-instance": "AWS::SageMaker::NotebookInstance",
  "elasticloadbalancing:loadbalancer": "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "kinesis:stream": "AWS::Kinesis::Stream",
  "glue:job": "AWS::Glue::Job",
  "opensearch:domain": "AWS::OpenSearch::Domain",
  "secretsmanager:secret": "AWS::SecretsManager::Secret",
  "kms:key": "AWS::KMS::Key",
  "apigateway:restapi": "AWS::ApiGateway::RestApi",
  "cloudfront:distribution": "AWS::CloudFront::Distribution",
  "route53:hostedzone": "AWS::Route53::HostedZone",
  "stepfunctions:statemachine": "AWS::StepFunctions::StateMachine",
  "codebuild:project": "AWS::CodeBuild::Project",
  "codepipeline:pipeline": "AWS::CodePipeline::Pipeline",
  "cognito-idp:userpool": "AWS::Cognito::UserPool",
};

export const configResourceTypeFor = (type: string): string | undefined => CONFIG_RESOURCE_TYPES[type];
