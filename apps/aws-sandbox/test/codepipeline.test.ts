import {
  CodePipelineClient,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  paginateListPipelines,
} from "@aws-sdk/client-codepipeline";
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
let eu: CodePipelineClient;
let us: CodePipelineClient;

const pipeline = "codepipeline:pipeline";
const READ = ["codepipeline:ListPipelines", "codepipeline:ListTagsForResource"];
/** No resource-type segment: the name follows the account. */
const pipelineArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:codepipeline:${region}:${account}:${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(pipeline, "deploy", 230),
        {
          type: pipeline,
          region: "us-east-1",
          id: "release",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
        },
        { type: pipeline, region: "us-east-1", id: "scratch", tags: {} },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: pipeline, region: "us-east-1", id: "globex-ci", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new CodePipelineClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new CodePipelineClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListPipelines", () => {
  it("walks 230 pipelines with the paginator, and honours maxResults up to 1000", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListPipelines({ client: eu }, {})) {
      pages += 1;
      names.push(...(page.pipelines ?? []).map((p) => p.name ?? ""));
    }
    expect(pages).toBe(3);
    expect(names).toHaveLength(230);
    expect(new Set(names).size).toBe(230);
    expect((await eu.send(new ListPipelinesCommand({ maxResults: 1000 }))).pipelines).toHaveLength(230);
  });

  it("summarises pipelines without tags, and rejects maxResults over 1000 and a forged nextToken", async () => {
    const out = await us.send(new ListPipelinesCommand({}));
    expect(out.pipelines?.map((p) => p.name)).toEqual(["release", "scratch"]);
    expect(out.pipelines?.[0]).toMatchObject({ name: "release", version: 1 });
    expect(out.pipelines?.[0]?.created).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(out.pipelines?.[0]).not.toHaveProperty("tags");
    expect((await errorOf(us.send(new ListPipelinesCommand({ maxResults: 1001 })))).name).toBe(
      "ValidationException",
    );
    expect((await errorOf(us.send(new ListPipelinesCommand({ nextToken: "forged" })))).name).toBe(
      "InvalidNextTokenException",
    );
  });
});

describe("ListTagsForResource", () => {
  it("answers a pipeline's tags by its ARN, none for an untagged one", async () => {
    const out = await us.send(new ListTagsForResourceCommand({ resourceArn: pipelineArn(ACME, "release") }));
    expect(out.tags).toEqual([
      { key: "Owner", value: "a@acme.io" },
      { key: "Environment", value: "production" },
    ]);
    const bare = await us.send(new ListTagsForResourceCommand({ resourceArn: pipelineArn(ACME, "scratch") }));
    expect(bare.tags).toEqual([]);
  });

  it("answers ResourceNotFoundException for an unknown pipeline or one in another region", async () => {
    for (const arn of [pipelineArn(ACME, "ghost"), pipelineArn(ACME, "deploy-0001")]) {
      const error = await errorOf(us.send(new ListTagsForResourceCommand({ resourceArn: arn })));
      expect(error.name).toBe("ResourceNotFoundException");
    }
    const malformed = await errorOf(us.send(new ListTagsForResourceCommand({ resourceArn: "release" })));
    expect(malformed.name).toBe("InvalidArnException");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own pipelines; another account's ARN is denied", async () => {
    const globex = new CodePipelineClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual([
      "globex-ci",
    ]);
    const error = await errorOf(
      globex.send(new ListTagsForResourceCommand({ resourceArn: pipelineArn(ACME, "release") })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).not.toContain("a@acme.io");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new CodePipelineClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["codepipeline:ListPipelines"])),
    );
    expect((await narrow.send(new ListPipelinesCommand({}))).pipelines).toHaveLength(2);
    const error = await errorOf(
      narrow.send(new ListTagsForResourceCommand({ resourceArn: pipelineArn(ACME, "release") })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("codepipeline:ListTagsForResource");
  });
});
