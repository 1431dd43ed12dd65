// elasticloadbalancing:loadbalancer (application, network and gateway balancers): DescribeLoadBalancers
// carries state and creation time but no tags. Balancers the Tagging walk returned have their tags
// there; the others have none. Only when the walk failed are tags read, 20 ARNs a DescribeTags call.
import {
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
  type LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { isoOrNull } from "../arn";
import { elbv2Tags } from "./elbv2-tags";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const elbv2LoadBalancers: Lister = {
  type: "elasticloadbalancing:loadbalancer",
  actions: ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags"],
  async list(ctx) {
    const elb = ctx.scan.clients.get(ElasticLoadBalancingV2Client, ctx.region);
    const found: LoadBalancer[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        elb.send(new DescribeLoadBalancersCommand({ PageSize: 400, Marker }), { abortSignal }),
      (page) => page.NextMarker,
      (page) => void found.push(...(page.LoadBalancers ?? []).filter((lb) => lb.LoadBalancerArn)),
    );
    const tagged = await ctx.taggedLookup();
    const read = tagged
      ? undefined
      : await elbv2Tags(
          ctx,
          elb,
          found.map((lb) => lb.LoadBalancerArn ?? ""),
        );
    for (const lb of found) {
      const arn = lb.LoadBalancerArn ?? "";
      const tags = read ? read.get(arn) : tagged?.(arn) ? undefined : {};
      // Without the walk, a balancer DescribeTags no longer knows was deleted meanwhile.
      if (read && !tags) continue;
      ctx.emit({
        arn,
        id: lb.LoadBalancerName ?? arn,
        type: "elasticloadbalancing:loadbalancer",
        region: ctx.region,
        state: lb.State?.Code ?? null,
        created_at: isoOrNull(lb.CreatedTime),
        ...(tags ? { tags } : {}),
      });
    }
  },
};
