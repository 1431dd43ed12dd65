// dynamodb:table: ListTables, then, for each table the Tagging walk did not return (it has no
// tag), DescribeTable for its status and creation time. Tables the walk returned are already
// known with their tags; describing them too would cost one call per table. When the walk failed,
// every table is described and its tags read (ListTagsOfResource, paginated).
import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from "@aws-sdk/client-dynamodb";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

async function tagsOf(ctx: ListerContext, dynamodb: DynamoDBClient, arn: string) {
  const tags: Record<string, string> = {};
  await eachPage(
    ctx,
    (NextToken, abortSignal) =>
      dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken }), { abortSignal }),
    (page) => page.NextToken,
    (page) => void Object.assign(tags, tagsFromList(page.Tags)),
  );
  return tags;
}

export const dynamodbTables: Lister = {
  type: "dynamodb:table",
  describesUnwalked: true,
  actions: ["dynamodb:ListTables", "dynamodb:DescribeTable", "dynamodb:ListTagsOfResource"],
  async list(ctx) {
    const dynamodb = ctx.scan.clients.get(DynamoDBClient, ctx.region);
    const names: string[] = [];
    await eachPage(
      ctx,
      (ExclusiveStartTableName, abortSignal) =>
        dynamodb.send(new ListTablesCommand({ Limit: 100, ExclusiveStartTableName }), { abortSignal }),
      (page) => page.LastEvaluatedTableName,
      (page) => void names.push(...(page.TableNames ?? [])),
    );
    const tagged = await ctx.taggedLookup();
    const unknown = names.filter((name) => !tagged?.(arnOf("dynamodb", ctx, `table/${name}`)));
    await forEachItem(unknown, async (name) => {
      const described = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          dynamodb.send(new DescribeTableCommand({ TableName: name }), { abortSignal }),
        ),
      );
      const table = described?.Table;
      if (!table) return;
      const arn = table.TableArn ?? arnOf("dynamodb", ctx, `table/${name}`);
      const tags = tagged ? {} : await unlessGone(tagsOf(ctx, dynamodb, arn));
      if (!tags) return;
      ctx.emit({
        arn,
        id: name,
        type: "dynamodb:table",
        region: ctx.region,
        state: table.TableStatus ?? null,
        created_at: isoOrNull(table.CreationDateTime),
        tags,
      });
    });
  },
};
