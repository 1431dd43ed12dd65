import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  paginateListTables,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  startTestSandbox,
} from "./fixtures";
import { bulk, errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: DynamoDBClient;
let us: DynamoDBClient;

const tableArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:dynamodb:${region}:${account}:table/${name}`;
/** 23 tags: more than one ListTagsOfResource page. */
const manyTags = Object.fromEntries(
  Array.from({ length: 23 }, (_, i) => [`Key${String(i).padStart(2, "0")}`, `value-${i}`]),
);

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        ...(base.resources ?? []),
        ...bulk("dynamodb:table", "table", 1040),
        {
          type: "dynamodb:table",
          region: "us-east-1",
          id: "orders",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Name: "orders", Owner: "a@acme.io" },
          attributes: { ItemCount: 1234, TableSizeBytes: 56789 },
        },
        { type: "dynamodb:table", region: "us-east-1", id: "tagged-a-lot", tags: manyTags },
        { type: "dynamodb:table", region: "us-east-1", id: "untagged", tags: {} },
      ],
    }),
    globexAccount({
      resources: [
        { type: "dynamodb:table", region: "us-east-1", id: "globex-table", tags: { Owner: "g@globex.io" } },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new DynamoDBClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new DynamoDBClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListTables", () => {
  it("walks 1,040 tables to the end with the paginator, in name order", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListTables({ client: eu, pageSize: 100 }, {})) {
      pages += 1;
      names.push(...(page.TableNames ?? []));
    }
    expect(pages).toBe(11);
    expect(names).toHaveLength(1040);
    expect(new Set(names).size).toBe(1040);
    expect(names).toEqual([...names].sort());
  });

  it("starts after ExclusiveStartTableName, which need not exist", async () => {
    const out = await eu.send(new ListTablesCommand({ ExclusiveStartTableName: "table-0999x", Limit: 5 }));
    expect(out.TableNames).toEqual(["table-1000", "table-1001", "table-1002", "table-1003", "table-1004"]);
    expect(out.LastEvaluatedTableName).toBe("table-1004");
    const last = await eu.send(new ListTablesCommand({ ExclusiveStartTableName: "table-1035" }));
    expect(last.TableNames).toEqual(["table-1036", "table-1037", "table-1038", "table-1039"]);
    expect(last.LastEvaluatedTableName).toBeUndefined();
  });

  it("returns 100 names by default", async () => {
    const out = await eu.send(new ListTablesCommand({}));
    expect(out.TableNames).toHaveLength(100);
    expect(out.LastEvaluatedTableName).toBe("table-0099");
  });

  it.each([0, 101])("rejects Limit %i with ValidationException", async (limit) => {
    const error = await errorOf(eu.send(new ListTablesCommand({ Limit: limit })));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain("'limit'");
  });
});

describe("DescribeTable", () => {
  it("describes a table by name or ARN", async () => {
    const out = await us.send(new DescribeTableCommand({ TableName: "orders" }));
    expect(out.Table).toMatchObject({
      TableName: "orders",
      TableArn: tableArn(ACME, "orders"),
      TableStatus: "ACTIVE",
      ItemCount: 1234,
      TableSizeBytes: 56789,
    });
    expect(out.Table?.CreationDateTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    const byArn = await us.send(new DescribeTableCommand({ TableName: tableArn(ACME, "untagged") }));
    expect(byArn.Table?.TableName).toBe("untagged");
  });

  it("answers ResourceNotFoundException for an unknown table or one in another region", async () => {
    for (const name of ["ghost", "table-0001"]) {
      const error = await errorOf(us.send(new DescribeTableCommand({ TableName: name })));
      expect(error.name).toBe("ResourceNotFoundException");
      expect(error.message).toBe(`Requested resource not found: Table: ${name} not found`);
    }
  });
});

describe("ListTagsOfResource", () => {
  it("returns exact tags, following NextToken across pages", async () => {
    const orders = await us.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn(ACME, "orders") }));
    expect(orders.Tags).toEqual([
      { Key: "Name", Value: "orders" },
      { Key: "Owner", Value: "a@acme.io" },
    ]);
    expect(orders.NextToken).toBeUndefined();

    const collected: { Key?: string; Value?: string }[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await us.send(
        new ListTagsOfResourceCommand({ ResourceArn: tableArn(ACME, "tagged-a-lot"), NextToken: token }),
      );
      collected.push(...(out.Tags ?? []));
      token = out.NextToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(Object.fromEntries(collected.map((t) => [t.Key, t.Value]))).toEqual(manyTags);
    expect(collected).toHaveLength(23);

    const none = await us.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn(ACME, "untagged") }));
    expect(none.Tags).toEqual([]);
  });

  it.each([
    ["an unknown table", tableArn(ACME, "ghost"), "ResourceNotFoundException"],
    ["another account's table", tableArn(GLOBEX, "globex-table"), "AccessDeniedException"],
    ["a table name instead of an ARN", "orders", "ValidationException"],
  ])("refuses %s", async (_label, arn, name) => {
    expect((await errorOf(us.send(new ListTagsOfResourceCommand({ ResourceArn: arn })))).name).toBe(name);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own tables", async () => {
    expect((await us.send(new ListTablesCommand({}))).TableNames).toEqual([
      "orders",
      "tagged-a-lot",
      "untagged",
    ]);
    const globex = new DynamoDBClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListTablesCommand({}))).TableNames).toEqual(["globex-table"]);
    expect((await errorOf(globex.send(new DescribeTableCommand({ TableName: "orders" })))).name).toBe(
      "ResourceNotFoundException",
    );
    const denied = await errorOf(
      globex.send(new DescribeTableCommand({ TableName: tableArn(ACME, "orders") })),
    );
    expect(denied.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new DynamoDBClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["dynamodb:ListTables"])),
    );
    expect((await narrow.send(new ListTablesCommand({}))).TableNames).toHaveLength(3);
    const error = await errorOf(
      narrow.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn(ACME, "orders") })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("dynamodb:ListTagsOfResource");
    expect((await errorOf(narrow.send(new DescribeTableCommand({ TableName: "orders" })))).name).toBe(
      "AccessDeniedException",
    );
  });
});
