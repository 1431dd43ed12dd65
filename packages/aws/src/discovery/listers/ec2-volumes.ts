// ec2:volume.
import { DescribeVolumesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

/** What the lister reads of a page (projection.ts). */
const page = projectOutput({
  NextToken: true,
  Volumes: { VolumeId: true, State: true, CreateTime: true, Tags: true, Attachments: { InstanceId: true } },
});

export const ec2Volumes: Lister = {
  type: "ec2:volume",
  actions: ["ec2:DescribeVolumes"],
  async list(ctx) {
    const ec2 = ctx.scan.clients.get(EC2Client, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        ec2.send(page(new DescribeVolumesCommand({ MaxResults: 500, NextToken })), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const volume of page.Volumes ?? []) {
          if (!volume.VolumeId) continue;
          ctx.emit({
            arn: arnOf("ec2", ctx, `volume/${volume.VolumeId}`),
            id: volume.VolumeId,
            type: "ec2:volume",
            region: ctx.region,
            state: volume.State ?? null,
            created_at: isoOrNull(volume.CreateTime),
            tags: tagsFromList(volume.Tags),
            // The first attached instance: the one a volume's tags are usually inherited from.
            parent_id: volume.Attachments?.find((a) => a.InstanceId)?.InstanceId ?? null,
          });
        }
      },
    );
  },
};
