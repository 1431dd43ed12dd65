import {
  GetDatabasesCommand,
  GetTablesCommand,
  GlueClient,
  paginateGetDatabases,
  paginateGetTables,
} from "@aws-sdk/client-glue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  EXTERNAL_ID,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  scannerRole,
  startTestSandbox,
} from "./fixtures";
import { errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: GlueClient;
let us: GlueClient;

const READ = ["glue:GetDatabases", "glue:GetTables"];
const table = (region: string, database: string, name: string, extra: object = {}) => ({
  type: "glue:table",
  region,
  id: `${database}/${name}`,
  ...extra,
});

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        // 130 tables in one database: two GetTables pages at the default 100.
        ...Array.from({ length: 130 }, (_, i) =>
          table("eu-west-1", "events", `t${String(i).padStart(3, "0")}`),
        ),
        // 105 databases, each named by one table: two GetDatabases pages.
        ...Array.from({ length: 104 }, (_, i) => table("eu-west-1", `db${String(i).padStart(3, "0")}`, "x")),
        {
          type: "glue:database",
          region: "us-east-1",
          id: "sales",
          created_at: "2026-01-04T09:00:00Z",
          attributes: { Description: "Sales data" },
        },
        { type: "glue:database", region: "us-east-1", id: "empty" },
        table("us-east-1", "sales", "orders", { created_at: "2026-01-05T10:00:00Z" }),
        table("us-east-1", "sales", "items", { attributes: { TableType: "GOVERNED" } }),
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [table("us-east-1", "sales", "globex_orders")],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new GlueClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new GlueClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("GetDatabases", () => {
  it("lists seeded databases and those the tables name, sorted, with the account as CatalogId", async () => {
    const out = await us.send(new GetDatabasesCommand({}));
    expect(out.DatabaseList).toEqual([
      { Name: "empty", CreateTime: new Date("2025-01-01T00:00:00Z"), CatalogId: ACME },
      {
        Name: "sales",
        Description: "Sales data",
        CreateTime: new Date("2026-01-04T09:00:00Z"),
        CatalogId: ACME,
      },
    ]);
    expect(out.NextToken).toBeUndefined();
  });

  it("walks 105 databases with the paginator, 100 a page by default", async () => {
    const sizes: number[] = [];
    for await (const page of paginateGetDatabases({ client: eu }, {}))
      sizes.push(page.DatabaseList?.length ?? 0);
    expect(sizes).toEqual([100, 5]);
  });

  it("rejects MaxResults over 100 and a forged NextToken with InvalidInputException", async () => {
    expect((await errorOf(us.send(new GetDatabasesCommand({ MaxResults: 101 })))).name).toBe(
      "InvalidInputException",
    );
    expect((await errorOf(us.send(new GetDatabasesCommand({ NextToken: "forged" })))).name).toBe(
      "InvalidInputException",
    );
  });
});

describe("GetTables", () => {
  it("lists a database's tables with their database, type and times, and no tags", async () => {
    const out = await us.send(new GetTablesCommand({ DatabaseName: "sales" }));
    expect(out.TableList?.map((t) => [t.Name, t.DatabaseName, t.TableType, t.CatalogId])).toEqual([
      ["items", "sales", "GOVERNED", ACME],
      ["orders", "sales", "EXTERNAL_TABLE", ACME],
    ]);
    expect(out.TableList?.[1]?.CreateTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(JSON.stringify(out)).not.toContain("Tags");
    expect((await us.send(new GetTablesCommand({ DatabaseName: "empty" }))).TableList).toEqual([]);
  });

  it("pages with MaxResults and NextToken", async () => {
    const names: string[] = [];
    const sizes: number[] = [];
    for await (const page of paginateGetTables({ client: eu, pageSize: 50 }, { DatabaseName: "events" })) {
      names.push(...(page.TableList ?? []).map((t) => t.Name ?? ""));
      sizes.push(page.TableList?.length ?? 0);
    }
    expect(sizes).toEqual([50, 50, 30]);
    expect(new Set(names).size).toBe(130);
  });

  it("answers EntityNotFoundException for an unknown database, as AWS (and moto) do", async () => {
    const error = await errorOf(us.send(new GetTablesCommand({ DatabaseName: "nope" })));
    expect(error.name).toBe("EntityNotFoundException");
    expect(error.message).toBe("Database nope not found.");
  });

  it("binds a token to its database", async () => {
    const first = await eu.send(new GetTablesCommand({ DatabaseName: "events", MaxResults: 10 }));
    const error = await errorOf(
      eu.send(new GetTablesCommand({ DatabaseName: "db000", NextToken: first.NextToken })),
    );
    expect(error.name).toBe("InvalidInputException");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own catalog, and denies another account's CatalogId", async () => {
    const globex = new GlueClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const theirs = await globex.send(new GetTablesCommand({ DatabaseName: "sales" }));
    expect(theirs.TableList?.map((t) => t.Name)).toEqual(["globex_orders"]);
    const denied = await errorOf(
      globex.send(new GetTablesCommand({ DatabaseName: "sales", CatalogId: ACME })),
    );
    expect(denied.name).toBe("AccessDeniedException");
    expect(JSON.stringify(await us.send(new GetTablesCommand({ DatabaseName: "sales" })))).not.toContain(
      GLOBEX,
    );
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new GlueClient(clientConfig(sandbox, await narrowSession(sandbox, ["glue:GetDatabases"])));
    expect((await narrow.send(new GetDatabasesCommand({}))).DatabaseList).toHaveLength(2);
    const error = await errorOf(narrow.send(new GetTablesCommand({ DatabaseName: "sales" })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("glue:GetTables");
  });
});
