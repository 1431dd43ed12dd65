// The catalog's Cost Explorer services and EC2 - Other usage-type families, pinned against what AWS
// publishes. A rename here is a billing change: the test must be updated from the docs, not the code.
import { describe, expect, it } from "vitest";
import { costExplorerServiceFor } from "../../src/catalog";
import {
  costLineFor,
  ec2OtherFamilyOf,
  ec2OtherLineOf,
  isUnattributableLine,
  serviceOfLine,
  vpcLineOf,
} from "../../src/catalog/cost-lines";

// SERVICE dimension values as GetDimensionValues / GetCostAndUsage return them. Sources:
// - Cost Explorer API Reference, DimensionValues ("Valid values for the SERVICE dimension are Amazon
//   Elastic Compute Cloud - Compute, Amazon Elasticsearch Service, Amazon ElastiCache, Amazon
//   Redshift, and Amazon Relational Database Service").
// - AWS re:Post Knowledge Center, "Why are there EC2-Other charges in Cost Explorer?": EBS volumes,
//   EBS snapshots, NAT gateways, idle Elastic IP / public IPv4 addresses and EC2 data transfer are
//   billed under "EC2 - Other", not under the instances' "Amazon Elastic Compute Cloud - Compute".
// - Amazon VPC User Guide, "Understand codes for Amazon VPC in billing and usage reports" (VPN,
//   VPC endpoint, transit gateway and public IPv4 usage types under Amazon VPC), and AWS re:Post,
//   "Why am I seeing charges for 'Public IPv4 addresses'...", which names the service "Amazon Virtual
//   Private Cloud" in the billing console's service list.
const AWS_SERVICE_NAMES: [type: string, service: string][] = [
  ["ec2:instance", "Amazon Elastic Compute Cloud - Compute"],
  ["ec2:volume", "EC2 - Other"],
  ["ec2:snapshot", "EC2 - Other"],
  ["ec2:natgateway", "EC2 - Other"],
  ["ec2:elastic-ip", "EC2 - Other"],
  ["elasticache:cluster", "Amazon ElastiCache"],
  ["redshift:cluster", "Amazon Redshift"],
  ["rds:db", "Amazon Relational Database Service"],
  ["rds:cluster", "Amazon Relational Database Service"],
  ["lambda:function", "AWS Lambda"],
  ["s3:bucket", "Amazon Simple Storage Service"],
  ["dynamodb:table", "Amazon DynamoDB"],
  // Firehose, MSK, DMS, MemoryDB, Transfer Family and App Runner each bill under their own SERVICE value (DMS replication
  // instances not under RDS or EC2). Values as GetDimensionValues(SERVICE) returns them; AWS publishes
  // no list of them, so they were cross-checked against public code that joins Cost Explorer lines to
  // resources. Firehose was renamed "Amazon Data Firehose" in 2024; that code reads both names, as
  // some accounts show either: a line under the new name would leave Firehose cost unattributed.
  ["firehose:deliverystream", "Amazon Kinesis Firehose"],
  ["kafka:cluster", "Amazon Managed Streaming for Apache Kafka"],
  ["dms:rep", "AWS Database Migration Service"],
  ["memorydb:cluster", "Amazon MemoryDB"],
  ["transfer:server", "AWS Transfer Family"],
  ["apprunner:service", "AWS App Runner"],
  // DAX is not billed under DynamoDB: its usage types (REG-NodeUsage:dax.<type>) carry the product
  // code AmazonDAX, not AmazonDynamoDB (DynamoDB Developer Guide, "Best practices for understanding
  // your AWS billing and usage reports"); the service's name is "Amazon DynamoDB Accelerator (DAX)".
  ["dax:cache", "Amazon DynamoDB Accelerator (DAX)"],
  ["ec2:vpc-endpoint", "Amazon Virtual Private Cloud"],
];

// USAGE_TYPE values (AWS Billing User Guide, "Understanding your usage types"; EBS, VPC NAT gateway
// and public IPv4 pricing pages). us-east-1 usage types carry no region code.
const USAGE_TYPES: [usageType: string, family: string | undefined][] = [
  ["EBS:VolumeUsage.gp3", "EBS volumes"],
  ["USW2-EBS:VolumeUsage.gp2", "EBS volumes"],
  ["EUW1-EBS:VolumeP-IOPS.piops", "EBS volumes"],
  ["EBS:VolumeP-Throughput.gp3", "EBS volumes"],
  ["EBS:SnapshotUsage", "EBS snapshots"],
  ["APN1-EBS:SnapshotArchiveStorage", "EBS snapshots"],
  ["NatGateway-Hours", "NAT gateways"],
  ["USE2-NatGateway-Bytes", "NAT gateways"],
  ["ElasticIP:IdleAddress", "public IPv4"],
  ["EUC1-PublicIPv4:InUseAddress", "public IPv4"],
  ["USW2-PublicIPv4:IdleAddress", "public IPv4"],
  ["DataTransfer-Regional-Bytes", "data transfer"],
  ["EUW1-DataTransfer-Out-Bytes", "data transfer"],
  ["USE1-USW2-AWS-Out-Bytes", "data transfer"],
  ["USW2-USE1-AWS-In-Bytes", "data transfer"],
  // CPU credits of unlimited T instances are billed under EC2 - Other but belong to no family here.
  ["CPUCredits:t3", undefined],
];

describe("catalog Cost Explorer services", () => {
  it.each(AWS_SERVICE_NAMES)("%s is billed under %s", (type, service) => {
    expect(costExplorerServiceFor(type)).toBe(service);
    expect(serviceOfLine(costLineFor(type) ?? "")).toBe(service);
  });

  it("never gives a volume the instances' line", () => {
    expect(costLineFor("ec2:volume")).not.toBe(costLineFor("ec2:instance"));
    expect(costLineFor("ec2:volume")).toBe("EC2 - Other (EBS volumes)");
    expect(costLineFor("ec2:natgateway")).toBe("EC2 - Other (NAT gateways)");
    expect(costLineFor("ec2:vpc")).toBe("");
    expect(costLineFor("nope:thing")).toBeUndefined();
  });
});

// Amazon VPC usage types (same VPC User Guide page; "APN1-VPN-Usage-Hours:ipsec.1" as billed).
const VPC_USAGE_TYPES: [usageType: string, line: string][] = [
  ["VPN-Usage-Hours:ipsec.1", "Amazon Virtual Private Cloud (VPN connections)"],
  ["APN1-VPN-Usage-Hours:ipsec.1", "Amazon Virtual Private Cloud (VPN connections)"],
  ["EUW1-VpcEndpoint-Hours", "Amazon Virtual Private Cloud (VPC endpoints)"],
  ["VpcEndpoint-GWLBE-Bytes", "Amazon Virtual Private Cloud (VPC endpoints)"],
  ["USW2-TransitGateway-Hours", "Amazon Virtual Private Cloud (transit gateways)"],
  ["TGW-Multicast-Consumer-Bytes", "Amazon Virtual Private Cloud (transit gateways)"],
  ["USE2-PublicIPv4:InUseAddress", "Amazon Virtual Private Cloud (public IPv4)"],
  ["IPAddressManager-IP-Hours", "Amazon Virtual Private Cloud"],
];

describe("Amazon Virtual Private Cloud usage types", () => {
  it.each(VPC_USAGE_TYPES)("%s → %s", (usageType, line) => {
    expect(vpcLineOf(usageType)).toBe(line);
  });

  it("spreads only the endpoints' line over VPC endpoints", () => {
    expect(costLineFor("ec2:vpc-endpoint")).toBe("Amazon Virtual Private Cloud (VPC endpoints)");
    expect(serviceOfLine("Amazon Virtual Private Cloud (public IPv4)")).toBe("Amazon Virtual Private Cloud");
  });
});

describe("EC2 - Other usage types", () => {
  it.each(USAGE_TYPES)("%s → %s", (usageType, family) => {
    expect(ec2OtherFamilyOf(usageType)).toBe(family);
  });

  it("keeps an unknown usage type on the service line and treats data transfer as unattributable", () => {
    expect(ec2OtherLineOf("CPUCredits:t3")).toBe("EC2 - Other");
    expect(isUnattributableLine(ec2OtherLineOf("DataTransfer-Regional-Bytes"))).toBe(true);
    expect(isUnattributableLine(ec2OtherLineOf("NatGateway-Hours"))).toBe(false);
    expect(isUnattributableLine("Tax")).toBe(true);
  });
});
