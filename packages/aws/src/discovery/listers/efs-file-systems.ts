// elasticfilesystem:file-system. DescribeFileSystems carries every file system's Tags inline, so
// one paginated walk finds untagged file systems and reads tags without a call per file system.
import { DescribeFileSystemsCommand, EFSClient } from "@aws-sdk/client-efs";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const efsFileSystems: Lister = {
  type: "elasticfilesystem:file-system",
  actions: ["elasticfilesystem:DescribeFileSystems"],
  async list(ctx) {
    const efs = ctx.scan.clients.get(EFSClient, ctx.region);
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        efs.send(new DescribeFileSystemsCommand({ MaxItems: 100, Marker }), { abortSignal }),
      (page) => page.NextMarker,
      (page) => {
        for (const fs of page.FileSystems ?? []) {
          if (!fs.FileSystemId) continue;
          const arn = fs.FileSystemArn ?? arnOf("elasticfilesystem", ctx, `file-system/${fs.FileSystemId}`);
          // A deleted file system lingers in the listing for a while; it is gone, not untagged.
          if (fs.LifeCycleState === "deleted") {
            ctx.exclude(arn);
            continue;
          }
          ctx.emit({
            arn,
            id: fs.FileSystemId,
            type: "elasticfilesystem:file-system",
            region: ctx.region,
            state: fs.LifeCycleState ?? null,
            created_at: isoOrNull(fs.CreationTime),
            tags: tagsFromList(fs.Tags),
          });
        }
      },
    );
  },
};
