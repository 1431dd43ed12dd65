// LoadBalancer, TargetGroup and TagDescription as the ELBv2 query API (2015-12-01) serialises them:
// every list is a `member` element, as in the service model.
import type { Resource } from "../../world/world";
import { attr, createdAt, stableHex } from "../common";

export const memberTags = (tags: Record<string, string>) => ({
  member: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
});

export function loadBalancer(r: Resource) {
  const type = attr(r, "Type", "application");
  const scheme = attr<string>(r, "Scheme", "internet-facing");
  const prefix = scheme === "internal" ? "internal-" : "";
  return {
    LoadBalancerArn: r.arn,
    DNSName: `${prefix}${r.id}-${stableHex(r.arn, 10)}.${r.region}.elb.amazonaws.com`,
    CanonicalHostedZoneId: "Z35SXDOTRQ7X7K",
    CreatedTime: createdAt(r),
    LoadBalancerName: r.id,
    Scheme: scheme,
    VpcId: attr(r, "VpcId", `vpc-${stableHex(r.account_id, 17)}`),
    State: { Code: r.state ?? "active" },
    Type: type,
    AvailabilityZones: { member: [{ ZoneName: `${r.region}a`, SubnetId: `subnet-${stableHex(r.arn, 17)}` }] },
    IpAddressType: attr(r, "IpAddressType", "ipv4"),
  };
}

export function targetGroup(r: Resource, loadBalancerArns: string[]) {
  const protocol = attr(r, "Protocol", "HTTP");
  return {
    TargetGroupArn: r.arn,
    TargetGroupName: r.id,
    Protocol: protocol,
    Port: attr(r, "Port", 80),
    VpcId: attr(r, "VpcId", `vpc-${stableHex(r.account_id, 17)}`),
    HealthCheckProtocol: protocol,
    HealthCheckPort: "traffic-port",
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    TargetType: attr(r, "TargetType", "instance"),
    LoadBalancerArns: { member: loadBalancerArns },
    IpAddressType: "ipv4",
  };
}

/** The load balancers a target group is seeded with (LoadBalancerArns or LoadBalancerNames). */
export const attachedTo = (tg: Resource, balancers: readonly Resource[]): string[] => {
  const arns = tg.attributes.LoadBalancerArns;
  const names = tg.attributes.LoadBalancerNames;
  const wanted = [...(Array.isArray(arns) ? arns : []), ...(Array.isArray(names) ? names : [])].map(String);
  return balancers.filter((lb) => wanted.includes(lb.arn) || wanted.includes(lb.id)).map((lb) => lb.arn);
};
