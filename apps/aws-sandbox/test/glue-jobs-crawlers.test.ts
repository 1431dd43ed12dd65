import {
  GetTagsCommand,
  GlueClient,
  ListCrawlersCommand,
  ListJobsCommand,
  paginateListJobs,
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
import { bulk, errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: GlueClient;
let us: GlueClient;

const job = "glue:job";
const crawler = "glue:crawler";
const READ = ["glue:ListJobs", "glue:ListCrawlers", "glue:GetTags"];
const arn = (account: string, kind: string, name: string, region = "us-east-1") =>
  `arn:aws:glue:${region}:${account}:${kind}/${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(job, "etl", 230),
        { type: job, region: "us-east-1", id: "nightly", tags: { Owner: "a@acme.io", Team: "data" } },
        { type: job, region: "us-east-1", id: "adhoc", tags: {} },
        { type: crawler, region: "us-east-1", id: "raw-crawler", tags: { Owner: "a@acme.io" } },
        { type: crawler, region: "us-east-1", id: "lake-crawler", tags: {} },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: job, region: "us-east-1", id: "globex-etl", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new GlueClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new GlueClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListJobs and ListCrawlers", () => {
  it("walks 230 jobs with the paginator, names only", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListJobs({ client: eu }, { MaxResults: 100 })) {
      pages += 1;
      names.push(...(page.JobNames ?? []));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(230);
    expect((await eu.send(new ListJobsCommand({ MaxResults: 1000 }))).JobNames).toHaveLength(230);
  });

  it("lists each kind's names in the signed region, and keeps only matching tags when asked", async () => {
    expect(await us.send(new ListJobsCommand({}))).toMatchObject({ JobNames: ["adhoc", "nightly"] });
    expect((await us.send(new ListJobsCommand({}))).NextToken).toBeUndefined();
    expect((await us.send(new ListCrawlersCommand({}))).CrawlerNames).toEqual([
      "lake-crawler",
      "raw-crawler",
    ]);
    expect((await us.send(new ListJobsCommand({ Tags: { Team: "data" } }))).JobNames).toEqual(["nightly"]);
    expect((await us.send(new ListJobsCommand({ Tags: { Team: "other" } }))).JobNames).toEqual([]);
  });

  it("rejects MaxResults over 1000 and a forged NextToken", async () => {
    expect((await errorOf(us.send(new ListJobsCommand({ MaxResults: 1001 })))).name).toBe(
      "ValidationException",
    );
    const forged = await errorOf(us.send(new ListCrawlersCommand({ NextToken: "forged" })));
    expect(forged.name).toBe("InvalidInputException");
    expect(forged.$metadata.httpStatusCode).toBe(400);
  });
});

describe("GetTags", () => {
  it("reads a job's or a crawler's tags as a map, an empty map for an untagged one", async () => {
    expect((await us.send(new GetTagsCommand({ ResourceArn: arn(ACME, "job", "nightly") }))).Tags).toEqual({
      Owner: "a@acme.io",
      Team: "data",
    });
    expect(
      (await us.send(new GetTagsCommand({ ResourceArn: arn(ACME, "crawler", "raw-crawler") }))).Tags,
    ).toEqual({
      Owner: "a@acme.io",
    });
    expect((await us.send(new GetTagsCommand({ ResourceArn: arn(ACME, "job", "adhoc") }))).Tags).toEqual({});
  });

  it("answers EntityNotFoundException for an unknown resource or one in another region", async () => {
    for (const ResourceArn of [arn(ACME, "job", "ghost"), arn(ACME, "job", "etl-0001")]) {
      const error = await errorOf(us.send(new GetTagsCommand({ ResourceArn })));
      expect(error.name).toBe("EntityNotFoundException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own jobs and denies another account's ARN", async () => {
    const globex = new GlueClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new ListJobsCommand({}))).JobNames).toEqual(["globex-etl"]);
    expect((await globex.send(new ListCrawlersCommand({}))).CrawlerNames).toEqual([]);
    const error = await errorOf(
      globex.send(new GetTagsCommand({ ResourceArn: arn(ACME, "job", "nightly") })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new GlueClient(clientConfig(sandbox, await narrowSession(sandbox, ["glue:ListJobs"])));
    expect((await narrow.send(new ListJobsCommand({}))).JobNames).toHaveLength(2);
    for (const call of [
      narrow.send(new ListCrawlersCommand({})),
      narrow.send(new GetTagsCommand({ ResourceArn: arn(ACME, "job", "nightly") })),
    ]) {
      const error = await errorOf(call);
      expect(error.name).toBe("AccessDeniedException");
      expect(error.message).toMatch(/glue:(ListCrawlers|GetTags)/);
    }
  });
});
