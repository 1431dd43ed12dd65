// ec2:elastic-ip. DescribeAddresses has no pagination: one call returns every address.
import { DescribeAddressesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { arnOf, tagsFromList } from "../arn";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

/** What the lister reads of the answer (projection.ts: an address's ~15 other members are skipped). */
const answer = projectOutput({ Addresses: { AllocationId: true, AssociationId: true, Tags: true } });

export const ec2Addresses: Lister = {
  type: "ec2:elastic-ip",
  actions: ["ec2:DescribeAddresses"],
  async list(ctx) {
    const ec2 = ctx.scan.clients.get(EC2Client, ctx.region);
    const out = await ctx.scan.call(ctx.region, "page", (abortSignal) =>
      ec2.send(answer(new DescribeAddressesCommand({})), { abortSignal }),
    );
    ctx.scan.page();
    for (const address of out.Addresses ?? []) {
      // EC2-Classic addresses have no allocation id and no ARN.
      if (!address.AllocationId) continue;
      ctx.emit({
        arn: arnOf("ec2", ctx, `elastic-ip/${address.AllocationId}`),
        id: address.AllocationId,
        type: "ec2:elastic-ip",
        region: ctx.region,
        state: address.AssociationId ? "associated" : "unassociated",
        created_at: null,
        tags: tagsFromList(address.Tags),
      });
    }
  },
};
