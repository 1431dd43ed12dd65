// Every per-service lister, by catalog type. Types absent here are found by the Tagging API only.
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
import { elasticacheClusters } from "./elasticache-clusters";
import { elasticacheReplicationGroups } from "./elasticache-replication-groups";
import { elbv2LoadBalancers } from "./elbv2-load-balancers";
import { elbv2TargetGroups } from "./elbv2-target-groups";
import { glueTables } from "./glue-tables";
import { kinesisStreams } from "./kinesis-streams";
import { kmsKeys } from "./kms-keys";
import { lambdaFunctions } from "./lambda-functions";
import { rdsClusters } from "./rds-clusters";
import { rdsInstances } from "./rds-instances";
import { s3Buckets } from "./s3-buckets";
import { secretsManagerSecrets } from "./secretsmanager-secrets";
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
    glueTables,
    ec2VpcEndpoints,
  ].map((lister) => [lister.type, lister]),
);

export type { ListedResource, Lister, ListerContext, TaggedLookup } from "./types";
