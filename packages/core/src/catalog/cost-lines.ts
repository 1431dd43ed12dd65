// Cost lines: the unit spend is spread over. Most Cost Explorer services bill one family of
// resources, so a service is its own line. "EC2 - Other" is not: AWS bills EBS volumes, EBS
// snapshots, NAT gateways, public IPv4 addresses and EC2 data transfer all under it, so a scan that
// spread it over every EC2 type would give a volume part of a NAT gateway's bill. It is split by the
// USAGE_TYPE dimension into one line per family (AWS Billing User Guide, "Understanding your usage
// types": usage types read "<region code>-<usage>", with no region code in us-east-1).
import { costExplorerServiceFor, isUnattributableService } from "./index";

export const EC2_OTHER = "EC2 - Other";

export type Ec2OtherFamily =
  | "EBS volumes"
  | "EBS snapshots"
  | "NAT gateways"
  | "public IPv4"
  | "data transfer";

/** The line of one EC2 - Other family, as shown in by_service and the "service" breakdown. */
export const ec2OtherLine = (family: Ec2OtherFamily): string => `${EC2_OTHER} (${family})`;

/** EC2 - Other spend that no resource carries (data transfer), reported apart from the gap. */
export const EC2_OTHER_DATA_TRANSFER = ec2OtherLine("data transfer");

/** The family each EC2 - Other type is billed under. */
const TYPE_FAMILY: Readonly<Record<string, Ec2OtherFamily>> = {
  "ec2:volume": "EBS volumes",
  "ec2:snapshot": "EBS snapshots",
  "ec2:natgateway": "NAT gateways",
  "ec2:elastic-ip": "public IPv4",
};

// Ordered: NatGateway-Bytes ends in "-Bytes" like data transfer, so NAT is tested first.
const PATTERNS: readonly [RegExp, Ec2OtherFamily][] = [
  // EBS:VolumeUsage.gp3, EBS:VolumeP-IOPS.piops, EBS:VolumeP-Throughput.gp3, EBS:VolumeIOUsage.
  [/(^|-)EBS:Volume/, "EBS volumes"],
  // EBS:SnapshotUsage, EBS:SnapshotArchiveStorage, EBS:FastSnapshotRestore, EBS:directAPI.snapshot.*
  [/(^|-)EBS:(Snapshot|FastSnapshotRestore|directAPI)/, "EBS snapshots"],
  [/(^|-)NatGateway-(Hours|Bytes)$/, "NAT gateways"],
  // ElasticIP:IdleAddress, ElasticIP:AdditionalAddress, PublicIPv4:IdleAddress / InUseAddress.
  [/(^|-)(ElasticIP|PublicIPv4):/, "public IPv4"],
  // DataTransfer-Regional-Bytes, DataTransfer-Out-Bytes, USE1-USW2-AWS-Out-Bytes, ...-In-ABytes.
  [/(^|-)DataTransfer-|-AWS-(In|Out)-A?Bytes$/, "data transfer"],
];

/** The family of an EC2 - Other usage type; undefined for one no pattern knows (stays on the service line). */
export function ec2OtherFamilyOf(usageType: string): Ec2OtherFamily | undefined {
  return PATTERNS.find(([pattern]) => pattern.test(usageType))?.[1];
}

/** The cost line of an EC2 - Other usage type. */
export function ec2OtherLineOf(usageType: string): string {
  const family = ec2OtherFamilyOf(usageType);
  return family ? ec2OtherLine(family) : EC2_OTHER;
}

/**
 * "Amazon Virtual Private Cloud" is split the same way: AWS bills VPN connections, interface VPC
 * endpoints, transit gateway attachments and (since February 2024) public IPv4 addresses under it
 * (Amazon VPC User Guide, "Understand codes for Amazon VPC in billing and usage reports"), so its
 * spend is read by USAGE_TYPE and only the endpoints' line is spread over ec2:vpc-endpoint.
 */
export const VPC_SERVICE = "Amazon Virtual Private Cloud";

export type VpcFamily = "VPN connections" | "VPC endpoints" | "transit gateways" | "public IPv4";

export const vpcLine = (family: VpcFamily): string => `${VPC_SERVICE} (${family})`;

const VPC_TYPE_FAMILY: Readonly<Record<string, VpcFamily>> = {
  "ec2:vpc-endpoint": "VPC endpoints",
};

const VPC_PATTERNS: readonly [RegExp, VpcFamily][] = [
  // VPN-Usage-Hours:ipsec.1 (Site-to-Site VPN connection hours).
  [/(^|-)VPN-Usage-Hours/, "VPN connections"],
  // VpcEndpoint-Hours, VpcEndpoint-Bytes, VpcEndpoint-GWLBE-Hours / -Bytes.
  [/(^|-)VpcEndpoint-/, "VPC endpoints"],
  // TransitGateway-Hours, TransitGateway-Bytes, TGW-Multicast-Consumer-Bytes.
  [/(^|-)(TransitGateway-|TGW-)/, "transit gateways"],
  [/(^|-)PublicIPv4:/, "public IPv4"],
];

/** The line of an Amazon Virtual Private Cloud usage type; the service itself for one no pattern knows. */
export function vpcLineOf(usageType: string): string {
  const family = VPC_PATTERNS.find(([pattern]) => pattern.test(usageType))?.[1];
  return family ? vpcLine(family) : VPC_SERVICE;
}

/** The line a type's spend is read from: its service, or its EC2 - Other or VPC family; "" for free types. */
export function costLineFor(type: string): string | undefined {
  const family = TYPE_FAMILY[type];
  if (family) return ec2OtherLine(family);
  const vpc = VPC_TYPE_FAMILY[type];
  return vpc ? vpcLine(vpc) : costExplorerServiceFor(type);
}

/** The Cost Explorer service a line belongs to ("EC2 - Other (NAT gateways)" → "EC2 - Other"). */
export const serviceOfLine = (line: string): string =>
  line.startsWith(`${EC2_OTHER} (`) ? EC2_OTHER : line.startsWith(`${VPC_SERVICE} (`) ? VPC_SERVICE : line;

/** Lines whose spend no taggable resource carries: the catalog's list, plus EC2 data transfer. */
export const isUnattributableLine = (line: string): boolean =>
  line === EC2_OTHER_DATA_TRANSFER || isUnattributableService(line);
