// elasticloadbalancing:targetgroup: DescribeTargetGroups (no tags, no state, no creation time);
// tags as for load balancers: from the Tagging walk, or DescribeTags when the walk failed.
import {
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  type TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { elbv2Tags } from "./elbv2-tags";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const elbv2TargetGroups: Lister = {
  type: "elasticloadbalancing:targetgroup",
  actions: ["elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTags"],
  async list(ctx) {
    const elb = ctx.scan.clients.get(ElasticLoadBalancingV2Client, ctx.region);
    const found: TargetGroup[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        elb.send(new DescribeTargetGroupsCommand({ PageSize: 400, Marker }), { abortSignal }),
      (page) => page.NextMarker,
      (page) => void found.push(...(page.TargetGroups ?? []).filter((tg) => tg.TargetGroupArn)),
    );
    const tagged = await ctx.taggedLookup();
    const read = tagged
      ? undefined
      : await elbv2Tags(
          ctx,
          elb,
          found.map((tg) => tg.TargetGroupArn ?? ""),
        );
    for (const tg of found) {
      const arn = tg.TargetGroupArn ?? "";
      const tags = read ? read.get(arn) : tagged?.(arn) ? undefined : {};
      if (read && !tags) continue;
      ctx.emit({
        arn,
        id: tg.TargetGroupName ?? arn,
        type: "elasticloadbalancing:targetgroup",
        region: ctx.region,
        state: null,
        created_at: null,
        ...(tags ? { tags } : {}),
      });
    }
  },
};
