// AWS Glue Data Catalog (JSON 1.1, AWSGlue): GetDatabases and GetTables, MaxResults 1-100 and
// NextToken, for the caller's catalog in the signed region (AWS Glue API reference, "Database API"
// and "Table API"). A database exists when seeded as glue:database or when a seeded table names it
// (AWS keeps no table without its database). Tables carry no tags: AWS Glue cannot tag them
// (Developer Guide, "AWS tags in AWS Glue"); moto 5.2 accepts TagResource on a table ARN, AWS does not.
import { AwsError } from "../../errors";
import type { OpContext, OperationTable, OpInput } from "../../protocol/operation";
import { page } from "../../protocol/paginate";
import { intParam } from "../../protocol/params";
import type { Resource } from "../../world/world";
import {
  attr,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  pageScope,
  regional,
} from "../common";

const invalid = (message: string) => new AwsError("InvalidInputException", message);

/** CatalogId defaults to the caller's account; another account's catalog needs a resource policy. */
function catalogOf(ctx: OpContext, input: OpInput, action: string): string {
  const catalog = optionalString(input, "CatalogId") ?? ctx.account.id;
  if (catalog !== ctx.account.id)
    throw crossAccountDenied(ctx, action, `arn:aws:glue:${ctx.region}:${catalog}:catalog`);
  return catalog;
}

const databaseOf = (table: Resource): string =>
  attr(table, "DatabaseName", table.id.split("/")[0] ?? table.id);
const tableName = (table: Resource): string => attr(table, "Name", table.id.split("/").slice(1).join("/"));

interface Database {
  name: string;
  created: string;
  resource?: Resource;
}

function databases(ctx: OpContext): Database[] {
  const byName = new Map<string, Database>();
  for (const db of regional(ctx, "glue:database"))
    byName.set(db.id, { name: db.id, created: createdAt(db), resource: db });
  for (const table of regional(ctx, "glue:table")) {
    const name = databaseOf(table);
    if (!byName.has(name)) byName.set(name, { name, created: createdAt(table) });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function gluePage<T>(ctx: OpContext, operation: string, input: OpInput, items: readonly T[]) {
  const size = intParam(input, "MaxResults", { min: 1, max: 100, code: "InvalidInputException" }) ?? 100;
  const scope = pageScope(ctx, operation, input, ["NextToken", "MaxResults"]);
  return page(items, {
    token: optionalString(input, "NextToken"),
    size,
    scope,
    code: "InvalidInputException",
    param: "NextToken",
  });
}

export const tables: OperationTable = {
  GetDatabases: {
    action: "glue:GetDatabases",
    handle: (ctx, input) => {
      const catalog = catalogOf(ctx, input, "glue:GetDatabases");
      const list = databases(ctx).map((db) => ({
        Name: db.name,
        ...(db.resource && attr(db.resource, "Description", "")
          ? { Description: attr(db.resource, "Description", "") }
          : {}),
        CreateTime: epochSeconds(db.created),
        CatalogId: catalog,
      }));
      const result = gluePage(ctx, "GetDatabases", input, list);
      return { DatabaseList: result.items, ...(result.next ? { NextToken: result.next } : {}) };
    },
  },
  GetTables: {
    action: "glue:GetTables",
    handle: (ctx, input) => {
      const catalog = catalogOf(ctx, input, "glue:GetTables");
      const database = optionalString(input, "DatabaseName");
      if (!database)
        throw invalid(
          "1 validation error detected: Value null at 'databaseName' failed to satisfy constraint: Member must not be null",
        );
      if (!databases(ctx).some((db) => db.name === database))
        throw new AwsError("EntityNotFoundException", `Database ${database} not found.`);
      const list = regional(ctx, "glue:table")
        .filter((table) => databaseOf(table) === database)
        .map((table) => ({
          Name: tableName(table),
          DatabaseName: database,
          CreateTime: epochSeconds(createdAt(table)),
          UpdateTime: epochSeconds(createdAt(table)),
          TableType: attr(table, "TableType", "EXTERNAL_TABLE"),
          CatalogId: catalog,
          VersionId: "1",
          IsRegisteredWithLakeFormation: false,
        }))
        .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
      const result = gluePage(ctx, "GetTables", input, list);
      return { TableList: result.items, ...(result.next ? { NextToken: result.next } : {}) };
    },
  },
};
