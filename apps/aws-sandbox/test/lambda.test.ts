import {
  LambdaClient,
  ListFunctionsCommand,
  ListTagsCommand,
  paginateListFunctions,
} from "@aws-sdk/client-lambda";
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
let eu: LambdaClient;
let us: LambdaClient;

const fnArn = (account: string, id: string, region = "us-east-1") =>
  `arn:aws:lambda:${region}:${account}:function:${id}`;

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        ...(base.resources ?? []),
        ...bulk("lambda:function", "fn", 1060),
        {
          type: "lambda:function",
          region: "us-east-1",
          id: "resize-images",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Name: "resize", Owner: "a@acme.io", "aws:cloudformation:stack-name": "media" },
          attributes: { Runtime: "python3.12", MemorySize: 512 },
        },
        { type: "lambda:function", region: "us-east-1", id: "untagged-fn", tags: {}, attributes: {} },
      ],
    }),
    globexAccount({
      resources: [
        {
          type: "lambda:function",
          region: "us-east-1",
          id: "globex-fn",
          tags: { Owner: "g@globex.io" },
          attributes: {},
        },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new LambdaClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new LambdaClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListFunctions", () => {
  it("walks 1,060 functions to the end with the paginator", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListFunctions({ client: eu, pageSize: 50 }, {})) {
      pages += 1;
      for (const fn of page.Functions ?? []) names.push(fn.FunctionName!);
    }
    expect(pages).toBe(22);
    expect(names).toHaveLength(1060);
    expect(new Set(names).size).toBe(1060);
  });

  it("never returns more than 50 functions a page, whatever MaxItems asks", async () => {
    const big = await eu.send(new ListFunctionsCommand({ MaxItems: 500 }));
    expect(big.Functions).toHaveLength(50);
    expect(big.NextMarker).toBeTruthy();
    const byDefault = await eu.send(new ListFunctionsCommand({}));
    expect(byDefault.Functions).toHaveLength(50);
    const small = await eu.send(new ListFunctionsCommand({ MaxItems: 7, Marker: byDefault.NextMarker }));
    expect(small.Functions?.map((f) => f.FunctionName)).toEqual(
      Array.from({ length: 7 }, (_, i) => `fn-${String(50 + i).padStart(4, "0")}`),
    );
  });

  it("returns the configuration fields the scanner reads", async () => {
    const out = await us.send(new ListFunctionsCommand({}));
    expect(out.NextMarker).toBeUndefined();
    expect(out.Functions?.map((f) => f.FunctionName)).toEqual(["resize-images", "untagged-fn"]);
    const fn = out.Functions![0]!;
    expect(fn).toMatchObject({
      FunctionArn: fnArn(ACME, "resize-images"),
      Runtime: "python3.12",
      MemorySize: 512,
      LastModified: "2026-01-05T10:00:00.000+0000",
      Version: "$LATEST",
      PackageType: "Zip",
    });
  });

  it.each([0, 10_001])("rejects MaxItems %i with ValidationException", async (max) => {
    const error = await errorOf(eu.send(new ListFunctionsCommand({ MaxItems: max })));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain("maxItems");
  });

  it("rejects a forged Marker", async () => {
    const error = await errorOf(eu.send(new ListFunctionsCommand({ Marker: "forged" })));
    expect(error.name).toBe("InvalidParameterValueException");
  });
});

describe("ListTags", () => {
  it("returns a function's exact tags as a map", async () => {
    const out = await us.send(new ListTagsCommand({ Resource: fnArn(ACME, "resize-images") }));
    expect(out.Tags).toEqual({
      Name: "resize",
      Owner: "a@acme.io",
      "aws:cloudformation:stack-name": "media",
    });
    const none = await us.send(new ListTagsCommand({ Resource: fnArn(ACME, "untagged-fn") }));
    expect(none.Tags).toEqual({});
    const bulkOne = await eu.send(new ListTagsCommand({ Resource: fnArn(ACME, "fn-0004", "eu-west-1") }));
    expect(bulkOne.Tags).toEqual({ Owner: "owner-4@acme.io" });
  });

  it.each([
    ["an unknown function", fnArn(ACME, "ghost"), "ResourceNotFoundException", 404],
    ["a function of another region", fnArn(ACME, "fn-0001", "eu-west-1"), "ResourceNotFoundException", 404],
    ["another account's function", fnArn(GLOBEX, "globex-fn"), "AccessDeniedException", 403],
    ["something that is not a function ARN", "resize-images", "ValidationException", 400],
  ])("refuses %s", async (_label, arn, name, status) => {
    const error = await errorOf(us.send(new ListTagsCommand({ Resource: arn })));
    expect(error.name).toBe(name);
    expect(error.$metadata.httpStatusCode).toBe(status);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own functions", async () => {
    const globex = new LambdaClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const theirs = await globex.send(new ListFunctionsCommand({}));
    expect(theirs.Functions?.map((f) => f.FunctionArn)).toEqual([fnArn(GLOBEX, "globex-fn")]);
    expect((await globex.send(new ListTagsCommand({ Resource: fnArn(GLOBEX, "globex-fn") }))).Tags).toEqual({
      Owner: "g@globex.io",
    });
    const denied = await errorOf(
      globex.send(new ListTagsCommand({ Resource: fnArn(ACME, "resize-images") })),
    );
    expect(denied.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new LambdaClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["lambda:ListFunctions"])),
    );
    expect((await narrow.send(new ListFunctionsCommand({}))).Functions).toHaveLength(2);
    const error = await errorOf(narrow.send(new ListTagsCommand({ Resource: fnArn(ACME, "resize-images") })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("lambda:ListTags");
  });
});
