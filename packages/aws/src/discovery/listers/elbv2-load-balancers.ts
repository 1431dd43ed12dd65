// elasticloadbalancing:loadbalancer (application, network and gateway balancers): DescribeLoadBalancers
// carries state and creation time but no tags. Balancers the Tagging walk returned have their tags
// there; the others have none. Only when the walk failed are tags read, 20 ARNs a DescribeTags call.
import {
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { isoOrNull } from "../arn";
import { emitWithTags } from "./elbv2-tags";
import { eachPage } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const elbv2LoadBalancers: Lister = {
  type: "elasticloadbalancing:loadbalancer",
  actions: ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags"],
  async list(ctx) {
    const elb = ctx.scan.clients.get(ElasticLoadBalancingV2Client, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        elb.send(new DescribeLoadBalancersCommand({ PageSize: 400, Marker }), { abortSignal }),
      (page) => page.NextMarker,
      (page) => {
        for (const lb of page.LoadBalancers ?? []) {
          if (!lb.LoadBalancerArn) continue;
          found.push({
            arn: lb.LoadBalancerArn,
            id: lb.LoadBalancerName ?? lb.LoadBalancerArn,
            type: "elasticloadbalancing:loadbalancer",
            region: ctx.region,
            state: lb.State?.Code ?? null,
            created_at: isoOrNull(lb.CreatedTime),
          });
        }
      },
    );
    await emitWithTags(ctx, elb, found);
  },
};
