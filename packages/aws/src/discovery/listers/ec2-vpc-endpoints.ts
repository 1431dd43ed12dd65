// ec2:vpc-endpoint. DescribeVpcEndpoints carries every endpoint's tags inline, so one paginated walk
// finds untagged endpoints with no call per endpoint. Gateway endpoints (S3, DynamoDB) have no
// charge (AWS PrivateLink pricing: interface and Gateway Load Balancer endpoints bill per hour), so
// they are excluded like deleted ones: a cost scan must not ask anyone to tag what costs nothing.
import { DescribeVpcEndpointsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

/**
 * AWS answers states in lower case ("available"); the SDK's enum spells them capitalised. A rejected
 * endpoint is kept: PrivateLink pricing bills it until its service is deleted.
 */
const GONE = new Set(["deleting", "deleted"]);

export const ec2VpcEndpoints: Lister = {
  type: "ec2:vpc-endpoint",
  actions: ["ec2:DescribeVpcEndpoints"],
  async list(ctx) {
    const ec2 = ctx.scan.clients.get(EC2Client, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        ec2.send(new DescribeVpcEndpointsCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const endpoint of page.VpcEndpoints ?? []) {
          if (!endpoint.VpcEndpointId) continue;
          const arn = arnOf("ec2", ctx, `vpc-endpoint/${endpoint.VpcEndpointId}`);
          const state = endpoint.State ?? null;
          if (endpoint.VpcEndpointType === "Gateway" || GONE.has((state ?? "").toLowerCase())) {
            ctx.exclude(arn);
            continue;
          }
          ctx.emit({
            arn,
            id: endpoint.VpcEndpointId,
            type: "ec2:vpc-endpoint",
            region: ctx.region,
            state,
            created_at: isoOrNull(endpoint.CreationTimestamp),
            tags: tagsFromList(endpoint.Tags),
          });
        }
      },
    );
  },
};
