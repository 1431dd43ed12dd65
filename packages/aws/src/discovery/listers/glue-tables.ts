// glue:table: every Data Catalog table of the account's own catalog, found by GetDatabases then
// GetTables per database (both paginated, 100 a page). AWS Glue cannot tag tables (Developer Guide,
// "AWS tags in AWS Glue"), so no tag call is ever made and the Tagging walk never asks for them:
// each table is emitted with no tags and reported as not taggable, never as a violation.
import { GetDatabasesCommand, GetTablesCommand, GlueClient } from "@aws-sdk/client-glue";
import { arnOf, isoOrNull } from "../arn";
import { eachPage, forEachItem } from "./paginate";
import type { Lister } from "./types";

/** A database dropped between GetDatabases and GetTables: Glue answers EntityNotFoundException. */
const isGone = (error: unknown) => error instanceof Error && error.name === "EntityNotFoundException";

export const glueTables: Lister = {
  type: "glue:table",
  actions: ["glue:GetDatabases", "glue:GetTables"],
  async list(ctx) {
    const glue = ctx.scan.clients.get(GlueClient, ctx.region);
    const databases: string[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        glue.send(new GetDatabasesCommand({ MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        // Only the account's own data: a database shared from another account, or a resource link
        // to one (TargetDatabase), holds another account's tables.
        for (const db of page.DatabaseList ?? [])
          if (db.Name && !db.TargetDatabase && (!db.CatalogId || db.CatalogId === ctx.accountId))
            databases.push(db.Name);
      },
    );
    await forEachItem(databases, async (DatabaseName) => {
      try {
        await eachPage(
          ctx,
          (NextToken, abortSignal) =>
            glue.send(new GetTablesCommand({ DatabaseName, MaxResults: 100, NextToken }), { abortSignal }),
          (page) => page.NextToken,
          (page) => {
            for (const table of page.TableList ?? []) {
              // A resource link (TargetTable) only points at a table, maybe another account's.
              if (!table.Name || table.TargetTable) continue;
              if (table.CatalogId && table.CatalogId !== ctx.accountId) continue;
              const id = `${table.DatabaseName ?? DatabaseName}/${table.Name}`;
              ctx.emit({
                arn: arnOf("glue", ctx, `table/${id}`),
                id,
                type: "glue:table",
                region: ctx.region,
                state: null,
                created_at: isoOrNull(table.CreateTime),
                tags: {},
              });
            }
          },
        );
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    });
  },
};
