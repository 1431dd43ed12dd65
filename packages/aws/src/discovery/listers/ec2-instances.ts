// ec2:instance. Terminated and shutting-down instances are excluded, and remembered so that the
// Tagging API (which keeps returning them for a while) cannot bring them back.
import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

const GONE = new Set(["terminated", "shutting-down"]);

/** What the lister reads of a page (projection.ts: the SDK skips the other ~60 members of each instance). */
const page = projectOutput({
  NextToken: true,
  Reservations: { Instances: { InstanceId: true, State: { Name: true }, LaunchTime: true, Tags: true } },
});

export const ec2Instances: Lister = {
  type: "ec2:instance",
  actions: ["ec2:DescribeInstances"],
  async list(ctx) {
    const ec2 = ctx.scan.clients.get(EC2Client, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        ec2.send(page(new DescribeInstancesCommand({ MaxResults: 1000, NextToken })), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const instance of page.Reservations?.flatMap((r) => r.Instances ?? []) ?? []) {
          if (!instance.InstanceId) continue;
          const arn = arnOf("ec2", ctx, `instance/${instance.InstanceId}`);
          const state = instance.State?.Name ?? null;
          if (state && GONE.has(state)) {
            ctx.exclude(arn);
            continue;
          }
          ctx.emit({
            arn,
            id: instance.InstanceId,
            type: "ec2:instance",
            region: ctx.region,
            state,
            // The launch time: EC2 keeps no creation time for instances.
            created_at: isoOrNull(instance.LaunchTime),
            tags: tagsFromList(instance.Tags),
          });
        }
      },
    );
  },
};
