// ec2:snapshot: the account's own snapshots only (public and shared ones are not its resources).
import { DescribeSnapshotsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { isoOrNull, snapshotArn, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

/** What the lister reads of a page (projection.ts). */
const page = projectOutput({
  NextToken: true,
  Snapshots: { SnapshotId: true, State: true, StartTime: true, Tags: true, VolumeId: true },
});

export const ec2Snapshots: Lister = {
  type: "ec2:snapshot",
  actions: ["ec2:DescribeSnapshots"],
  async list(ctx) {
    const ec2 = ctx.scan.clients.get(EC2Client, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        ec2.send(page(new DescribeSnapshotsCommand({ OwnerIds: ["self"], MaxResults: 1000, NextToken })), {
          abortSignal,
        }),
      (page) => page.NextToken,
      (page) => {
        for (const snapshot of page.Snapshots ?? []) {
          if (!snapshot.SnapshotId) continue;
          ctx.emit({
            arn: snapshotArn(ctx, snapshot.SnapshotId),
            id: snapshot.SnapshotId,
            type: "ec2:snapshot",
            region: ctx.region,
            state: snapshot.State ?? null,
            created_at: isoOrNull(snapshot.StartTime),
            tags: tagsFromList(snapshot.Tags),
            parent_id: snapshot.VolumeId ?? null,
          });
        }
      },
    );
  },
};
