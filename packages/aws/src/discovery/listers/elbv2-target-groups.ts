// elasticloadbalancing:targetgroup: DescribeTargetGroups (no tags, no state, no creation time);
// tags as for load balancers: from the Tagging walk, or DescribeTags when the walk failed.
import {
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { emitWithTags } from "./elbv2-tags";
import { eachPage } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const elbv2TargetGroups: Lister = {
  type: "elasticloadbalancing:targetgroup",
  actions: ["elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTags"],
  async list(ctx) {
    const elb = ctx.scan.clients.get(ElasticLoadBalancingV2Client, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        elb.send(new DescribeTargetGroupsCommand({ PageSize: 400, Marker }), { abortSignal }),
      (page) => page.NextMarker,
      (page) => {
        for (const tg of page.TargetGroups ?? []) {
          if (!tg.TargetGroupArn) continue;
          found.push({
            arn: tg.TargetGroupArn,
            id: tg.TargetGroupName ?? tg.TargetGroupArn,
            type: "elasticloadbalancing:targetgroup",
            region: ctx.region,
            state: null,
            created_at: null,
          });
        }
      },
    );
    await emitWithTags(ctx, elb, found);
  },
};
