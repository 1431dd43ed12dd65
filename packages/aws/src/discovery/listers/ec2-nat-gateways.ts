// ec2:natgateway.
import { DescribeNatGatewaysCommand, EC2Client } from "@aws-sdk/client-ec2";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

/** What the lister reads of a page (projection.ts: a gateway's addresses and VPC are skipped). */
const page = projectOutput({
  NextToken: true,
  NatGateways: { NatGatewayId: true, State: true, CreateTime: true, Tags: true },
});

export const ec2NatGateways: Lister = {
  type: "ec2:natgateway",
  actions: ["ec2:DescribeNatGateways"],
  async list(ctx) {
    const ec2 = ctx.scan.clients.get(EC2Client, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        ec2.send(page(new DescribeNatGatewaysCommand({ MaxResults: 1000, NextToken })), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const gateway of page.NatGateways ?? []) {
          if (!gateway.NatGatewayId) continue;
          ctx.emit({
            arn: arnOf("ec2", ctx, `natgateway/${gateway.NatGatewayId}`),
            id: gateway.NatGatewayId,
            type: "ec2:natgateway",
            region: ctx.region,
            state: gateway.State ?? null,
            created_at: isoOrNull(gateway.CreateTime),
            tags: tagsFromList(gateway.Tags),
          });
        }
      },
    );
  },
};
