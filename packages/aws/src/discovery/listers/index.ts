// Every per-service lister, by catalog type. Types absent here are found by the Tagging API only.

import { apiGatewayRestApis } from "./apigateway-rest-apis";
import { apprunnerServices } from "./apprunner-services";
import { bedrockAgents } from "./bedrock-agents";
import { bedrockKnowledgeBases } from "./bedrock-knowledge-bases";
import { cloudfrontDistributions } from "./cloudfront-distributions";
import { codebuildProjects } from "./codebuild-projects";
import { codepipelinePipelines } from "./codepipeline-pipelines";
import { cognitoIdentityPools } from "./cognito-identity-pools";
import { cognitoUserPools } from "./cognito-user-pools";
import { daxClusters } from "./dax-clusters";
import { dmsReplicationInstances } from "./dms-replication-instances";
import { dynamodbTables } from "./dynamodb-tables";
import { ec2Addresses } from "./ec2-addresses";
import { ec2Instances } from "./ec2-instances";
import { ec2NatGateways } from "./ec2-nat-gateways";
import { ec2Snapshots } from "./ec2-snapshots";
import { ec2Volumes } from "./ec2-volumes";
import { ec2VpcEndpoints } from "./ec2-vpc-endpoints";
import { ecsClusters } from "./ecs-clusters";
import { ecsServices } from "./ecs-services";
import { ecsTaskDefinitions } from "./ecs-task-definitions";
import { efsFileSystems } from "./efs-file-systems";
import { eksClusters } from "./eks-clusters";
import { eksNodegroups } from "./eks-nodegroups";
import { elasticacheClusters } from "./elasticache-clusters";
import { elasticacheReplicationGroups } from "./elasticache-replication-groups";
import { elbv2LoadBalancers } from "./elbv2-load-balancers";
import { elbv2TargetGroups } from "./elbv2-target-groups";
import { emrClusters } from "./emr-clusters";
import { firehoseDeliveryStreams } from "./firehose-delivery-streams";
import { fsxFileSystems } from "./fsx-file-systems";
import { glueCrawlers } from "./glue-crawlers";
import { glueJobs } from "./glue-jobs";
import { glueTables } from "./glue-tables";
import { kafkaClusters } from "./kafka-clusters";
import { kinesisStreams } from "./kinesis-streams";
import { kmsKeys } from "./kms-keys";
import { lambdaFunctions } from "./lambda-functions";
import { memorydbClusters } from "./memorydb-clusters";
import { openSearchDomains } from "./opensearch-domains";
import { rdsClusters } from "./rds-clusters";
import { rdsInstances } from "./rds-instances";
import { redshiftClusters } from "./redshift-clusters";
import { route53HostedZones } from "./route53-hosted-zones";
import { s3Buckets } from "./s3-buckets";
import { sagemakerEndpoints } from "./sagemaker-endpoints";
import { sagemakerNotebookInstances } from "./sagemaker-notebook-instances";
import { secretsManagerSecrets } from "./secretsmanager-secrets";
import { stepFunctionsStateMachines } from "./stepfunctions-state-machines";
import { transferServers } from "./transfer-servers";
import type { Lister } from "./types";

export const LISTERS: ReadonlyMap<string, Lister> = new Map(
  [
    ec2Instances,
    ec2Volumes,
    ec2Snapshots,
    ec2Addresses,
    ec2NatGateways,
    s3Buckets,
    rdsInstances,
    rdsClusters,
    lambdaFunctions,
    ecsClusters,
    ecsServices,
    ecsTaskDefinitions,
    dynamodbTables,
    elbv2LoadBalancers,
    elbv2TargetGroups,
    elasticacheClusters,
    elasticacheReplicationGroups,
    kinesisStreams,
    efsFileSystems,
    secretsManagerSecrets,
    kmsKeys,
    eksClusters,
    sagemakerEndpoints,
    sagemakerNotebookInstances,
    bedrockAgents,
    bedrockKnowledgeBases,
    eksNodegroups,
    fsxFileSystems,
    redshiftClusters,
    emrClusters,
    glueJobs,
    glueCrawlers,
    openSearchDomains,
    stepFunctionsStateMachines,
    cloudfrontDistributions,
    route53HostedZones,
    codepipelinePipelines,
    cognitoUserPools,
    cognitoIdentityPools,
    apiGatewayRestApis,
    codebuildProjects,
    firehoseDeliveryStreams,
    kafkaClusters,
    dmsReplicationInstances,
    memorydbClusters,
    transferServers,
    apprunnerServices,
    daxClusters,
    glueTables,
    ec2VpcEndpoints,
  ].map((lister) => [lister.type, lister]),
);

export type { ListedResource, Lister, ListerContext, TaggedLookup } from "./types";
