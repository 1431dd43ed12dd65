// The USAGE_TYPE the generator bills each type under, as AWS writes it: "<region code>-<usage>",
// with no region code in us-east-1 (AWS Billing User Guide, "Understanding your usage types").
// EC2 - Other's families are what core's cost lines split on; the rest are plausible per service.

/** Billing region codes of the sandbox's regions. */
const REGION_CODES: Readonly<Record<string, string>> = {
  "us-east-1": "",
  "us-east-2": "USE2",
  "us-west-1": "USW1",
  "us-west-2": "USW2",
  "ca-central-1": "CAN1",
  "sa-east-1": "SAE1",
  "eu-west-1": "EU",
  "eu-west-2": "EUW2",
  "eu-west-3": "EUW3",
  "eu-central-1": "EUC1",
  "eu-north-1": "EUN1",
  "eu-south-1": "EUS1",
  "ap-south-1": "APS3",
  "ap-northeast-1": "APN1",
  "ap-northeast-2": "APN2",
  "ap-northeast-3": "APN3",
  "ap-southeast-1": "APS1",
  "ap-southeast-2": "APS2",
  "ap-east-1": "APE1",
  "me-south-1": "MES1",
  "af-south-1": "AFS1",
};

const USAGE: Readonly<Record<string, string>> = {
  "ec2:instance": "BoxUsage:t3.medium",
  "ec2:volume": "EBS:VolumeUsage.gp3",
  "ec2:snapshot": "EBS:SnapshotUsage",
  "ec2:elastic-ip": "PublicIPv4:IdleAddress",
  "ec2:natgateway": "NatGateway-Hours",
  "lambda:function": "Lambda-GB-Second",
  "rds:db": "InstanceUsage:db.t3.medium",
  "rds:cluster": "Aurora:StorageUsage",
  "dynamodb:table": "TimedStorage-ByteHrs",
  "ecs:cluster": "Fargate-vCPU-Hours:perCPU",
  "ecs:service": "Fargate-vCPU-Hours:perCPU",
  "s3:bucket": "TimedStorage-ByteHrs",
  "elasticache:cluster": "NodeUsage:cache.t3.medium",
  "kinesis:stream": "Storage-ShardHour",
  "secretsmanager:secret": "AWSSecretsManager-Secrets",
  "kms:key": "KMS-Keys",
};

export function usageTypeFor(type: string, region: string): string {
  const usage = USAGE[type] ?? "Usage";
  const code = REGION_CODES[region] ?? "";
  // S3 buckets are scanned as "global" but billed in their region: us-east-1 here.
  return code ? `${code}-${usage}` : usage;
}
