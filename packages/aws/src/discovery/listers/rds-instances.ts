// rds:db. DescribeDBInstances carries each instance's TagList, so no call per instance.
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

/** What the lister reads of a page (projection.ts). */
const page = projectOutput({
  Marker: true,
  DBInstances: {
    DBInstanceIdentifier: true,
    DBInstanceArn: true,
    DBInstanceStatus: true,
    InstanceCreateTime: true,
    TagList: true,
  },
});

export const rdsInstances: Lister = {
  type: "rds:db",
  actions: ["rds:DescribeDBInstances"],
  async list(ctx) {
    const rds = ctx.scan.clients.get(RDSClient, ctx.region);
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        rds.send(page(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker })), { abortSignal }),
      (page) => page.Marker,
      (page) => {
        for (const db of page.DBInstances ?? []) {
          if (!db.DBInstanceIdentifier) continue;
          ctx.emit({
            arn: db.DBInstanceArn ?? arnOf("rds", ctx, `db:${db.DBInstanceIdentifier}`),
            id: db.DBInstanceIdentifier,
            type: "rds:db",
            region: ctx.region,
            state: db.DBInstanceStatus ?? null,
            created_at: isoOrNull(db.InstanceCreateTime),
            tags: tagsFromList(db.TagList),
          });
        }
      },
    );
  },
};
