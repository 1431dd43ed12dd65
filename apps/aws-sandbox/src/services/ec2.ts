// EC2 (the EC2 query protocol: `item` lists, camelCase members, NextToken/MaxResults pagination).
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { ec2Filters, intParam, queryList } from "../protocol/params";
import { ALL_REGIONS, OPT_IN_REGIONS } from "../world/regions";
import type { Resource } from "../world/world";

const STATE_CODES: Record<string, number> = {
  pending: 0,
  running: 16,
  "shutting-down": 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

const tagSet = (tags: Record<string, string>) => ({
  item: Object.entries(tags).map(([key, value]) => ({ key, value })),
});
const attr = (r: Resource, name: string, fallback: unknown) => r.attributes[name] ?? fallback;
const created = (r: Resource) => r.created_at ?? "2025-01-01T00:00:00.000Z";

/** A volume seeded with an InstanceId is attached to it, as DescribeVolumes' VolumeAttachment says. */
function attachmentsOf(r: Resource) {
  const instanceId = r.attributes.InstanceId;
  if (typeof instanceId !== "string") return [];
  return [
    {
      volumeId: r.id,
      instanceId,
      device: String(attr(r, "Device", "/dev/xvda")),
      status: "attached",
      attachTime: created(r),
      deleteOnTermination: true,
    },
  ];
}

/** Filters every EC2 describe call shares: tag:<Key>, tag-key, and one state filter per call. */
function applyFilters(input: OpInput, items: Resource[], stateFilter: string): Resource[] {
  let out = items;
  for (const [name, values] of ec2Filters(input)) {
    if (name === "tag-key") out = out.filter((r) => values.some((v) => v in r.tags));
    else if (name.startsWith("tag:")) {
      const key = name.slice(4);
      out = out.filter((r) => key in r.tags && values.includes(r.tags[key] ?? ""));
    } else if (name === stateFilter) out = out.filter((r) => values.includes(r.state ?? ""));
    else throw new AwsError("InvalidParameterValue", `The filter '${name}' is invalid`);
  }
  return out;
}

function listOf(
  ctx: OpContext,
  input: OpInput,
  type: string,
  opts: { stateFilter: string; maxResults: number; ids?: string },
) {
  let items = (ctx.account.byRegion.get(ctx.region) ?? []).filter((r) => r.type === type);
  const ids = opts.ids ? queryList(input, opts.ids) : [];
  if (ids.length) {
    const missing = ids.filter((id) => !items.some((r) => r.id === id));
    if (missing.length)
      throw new AwsError("InvalidID.NotFound", `The ID '${missing.join(", ")}' does not exist`);
    items = items.filter((r) => ids.includes(r.id));
  }
  items = applyFilters(input, items, opts.stateFilter).sort((a, b) => (a.id < b.id ? -1 : 1));
  const size = intParam(input, "MaxResults", { min: 5, max: opts.maxResults }) ?? opts.maxResults;
  const token = typeof input.NextToken === "string" ? input.NextToken : undefined;
  // The token is bound to the query without the token itself, so consecutive pages agree.
  const { NextToken: _token, ...query } = input;
  const scope = JSON.stringify([ctx.account.id, ctx.region, type, query]);
  const result = page(items, { token, size, scope, code: "InvalidParameterValue", param: "NextToken" });
  return { items: result.items, nextToken: result.next };
}

function describeRegions(ctx: OpContext, input: OpInput) {
  const all = input.AllRegions === "true";
  const names = queryList(input, "RegionName");
  const regions = ALL_REGIONS.filter((region) => all || ctx.account.regions.includes(region)).filter(
    (region) => !names.length || names.includes(region),
  );
  return {
    regionInfo: {
      item: regions.map((regionName) => ({
        regionName,
        regionEndpoint: `ec2.${regionName}.amazonaws.com`,
        optInStatus: ctx.account.regions.includes(regionName)
          ? OPT_IN_REGIONS.has(regionName)
            ? "opted-in"
            : "opt-in-not-required"
          : "not-opted-in",
      })),
    },
  };
}

export const ec2: OperationTable = {
  DescribeRegions: { action: "ec2:DescribeRegions", handle: describeRegions },
  DescribeInstances: {
    action: "ec2:DescribeInstances",
    handle: (ctx, input) => {
      const { items, nextToken } = listOf(ctx, input, "ec2:instance", {
        stateFilter: "instance-state-name",
        maxResults: 1000,
        ids: "InstanceId",
      });
      return {
        reservationSet: {
          item: items.map((r) => ({
            reservationId: `r-${r.id.replace(/^i-/, "")}`,
            ownerId: r.account_id,
            instancesSet: {
              item: [
                {
                  instanceId: r.id,
                  imageId: attr(r, "ImageId", "ami-0abcdef1234567890"),
                  instanceState: {
                    code: STATE_CODES[r.state ?? "running"] ?? 16,
                    name: r.state ?? "running",
                  },
                  instanceType: attr(r, "InstanceType", "t3.micro"),
                  launchTime: created(r),
                  placement: { availabilityZone: `${r.region}a` },
                  tagSet: tagSet(r.tags),
                },
              ],
            },
          })),
        },
        ...(nextToken ? { nextToken } : {}),
      };
    },
  },
  DescribeVolumes: {
    action: "ec2:DescribeVolumes",
    handle: (ctx, input) => {
      const { items, nextToken } = listOf(ctx, input, "ec2:volume", {
        stateFilter: "status",
        maxResults: 500,
        ids: "VolumeId",
      });
      return {
        volumeSet: {
          item: items.map((r) => ({
            volumeId: r.id,
            size: attr(r, "Size", 8),
            availabilityZone: `${r.region}a`,
            status: r.state ?? "in-use",
            createTime: created(r),
            volumeType: attr(r, "VolumeType", "gp3"),
            // AWS lists a volume's attachments (VolumeAttachment); seeded by the InstanceId attribute.
            attachmentSet: { item: attachmentsOf(r) },
            tagSet: tagSet(r.tags),
          })),
        },
        ...(nextToken ? { nextToken } : {}),
      };
    },
  },
  DescribeSnapshots: {
    action: "ec2:DescribeSnapshots",
    handle: (ctx, input) => {
      const owners = queryList(input, "Owner");
      // Only "self" (or the caller's own id) is emulated: public and shared snapshots are never ours.
      if (owners.some((o) => o !== "self" && o !== ctx.account.id)) return { snapshotSet: { item: [] } };
      const { items, nextToken } = listOf(ctx, input, "ec2:snapshot", {
        stateFilter: "status",
        maxResults: 1000,
        ids: "SnapshotId",
      });
      return {
        snapshotSet: {
          item: items.map((r) => ({
            snapshotId: r.id,
            volumeId: attr(r, "VolumeId", "vol-00000000"),
            status: r.state ?? "completed",
            startTime: created(r),
            ownerId: r.account_id,
            volumeSize: attr(r, "VolumeSize", 8),
            tagSet: tagSet(r.tags),
          })),
        },
        ...(nextToken ? { nextToken } : {}),
      };
    },
  },
  DescribeAddresses: {
    action: "ec2:DescribeAddresses",
    // DescribeAddresses has no pagination in the real API either: it returns every address.
    handle: (ctx, input) => {
      const items = applyFilters(
        input,
        (ctx.account.byRegion.get(ctx.region) ?? []).filter((r) => r.type === "ec2:elastic-ip"),
        "domain",
      );
      return {
        addressesSet: {
          item: items.map((r) => ({
            publicIp: attr(r, "PublicIp", "203.0.113.10"),
            allocationId: r.id,
            domain: "vpc",
            tagSet: tagSet(r.tags),
          })),
        },
      };
    },
  },
  DescribeNatGateways: {
    action: "ec2:DescribeNatGateways",
    handle: (ctx, input) => {
      const { items, nextToken } = listOf(ctx, input, "ec2:natgateway", {
        stateFilter: "state",
        maxResults: 1000,
        ids: "NatGatewayId",
      });
      return {
        natGatewaySet: {
          item: items.map((r) => ({
            natGatewayId: r.id,
            state: r.state ?? "available",
            createTime: created(r),
            subnetId: attr(r, "SubnetId", "subnet-00000000"),
            vpcId: attr(r, "VpcId", "vpc-00000000"),
            tagSet: tagSet(r.tags),
          })),
        },
        ...(nextToken ? { nextToken } : {}),
      };
    },
  },
  // Interface and Gateway Load Balancer endpoints bill hourly; Gateway endpoints (S3, DynamoDB) are
  // free. States are written in lower case, as AWS (and moto 5.2) answer ("available", "deleting").
  DescribeVpcEndpoints: {
    action: "ec2:DescribeVpcEndpoints",
    handle: (ctx, input) => {
      const { items, nextToken } = listOf(ctx, input, "ec2:vpc-endpoint", {
        stateFilter: "vpc-endpoint-state",
        maxResults: 1000,
        ids: "VpcEndpointId",
      });
      return {
        vpcEndpointSet: {
          item: items.map((r) => ({
            vpcEndpointId: r.id,
            vpcEndpointType: attr(r, "VpcEndpointType", "Interface"),
            vpcId: attr(r, "VpcId", "vpc-00000000"),
            serviceName: attr(r, "ServiceName", `com.amazonaws.${r.region}.execute-api`),
            state: r.state ?? "available",
            creationTimestamp: created(r),
            ownerId: r.account_id,
            tagSet: tagSet(r.tags),
          })),
        },
        ...(nextToken ? { nextToken } : {}),
      };
    },
  },
};
