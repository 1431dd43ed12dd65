// fsx:file-system. DescribeFileSystems carries every file system's ResourceARN and Tags inline, so
// one paginated walk finds untagged file systems and reads tags without a call per file system.
import { DescribeFileSystemsCommand, FSxClient } from "@aws-sdk/client-fsx";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const fsxFileSystems: Lister = {
  type: "fsx:file-system",
  actions: ["fsx:DescribeFileSystems"],
  async list(ctx) {
    const fsx = ctx.scan.clients.get(FSxClient, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        fsx.send(new DescribeFileSystemsCommand({ MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const fs of page.FileSystems ?? []) {
          if (!fs.FileSystemId) continue;
          const arn = fs.ResourceARN ?? arnOf("fsx", ctx, `file-system/${fs.FileSystemId}`);
          // A file system being deleted is going, not untagged.
          if (fs.Lifecycle === "DELETING") {
            ctx.exclude(arn);
            continue;
          }
          ctx.emit({
            arn,
            id: fs.FileSystemId,
            type: "fsx:file-system",
            region: ctx.region,
            state: fs.Lifecycle ?? null,
            created_at: isoOrNull(fs.CreationTime),
            tags: tagsFromList(fs.Tags),
          });
        }
      },
    );
  },
};
