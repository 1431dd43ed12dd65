import {
  BatchGetProjectsCommand,
  CodeBuildClient,
  ListProjectsCommand,
  paginateListProjects,
} from "@aws-sdk/client-codebuild";
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
let eu: CodeBuildClient;
let us: CodeBuildClient;

const PROJECT = "codebuild:project";
const READ = ["codebuild:ListProjects", "codebuild:BatchGetProjects"];
const projectArn = (account: string, name: string) =>
  `arn:aws:codebuild:us-east-1:${account}:project/${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(PROJECT, "build", 230),
        {
          type: PROJECT,
          region: "us-east-1",
          id: "web-ci",
          created_at: "2026-01-10T00:00:00Z",
          tags: { Owner: "a@acme.io" },
        },
        { type: PROJECT, region: "us-east-1", id: "api-ci", created_at: "2026-02-10T00:00:00Z", tags: {} },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: PROJECT, region: "us-east-1", id: "globex-ci", tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new CodeBuildClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new CodeBuildClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListProjects", () => {
  it("walks 230 names at 100 a page", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListProjects({ client: eu }, {})) {
      pages += 1;
      names.push(...(page.projects ?? []));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(230);
  });

  it("sorts by name, or by creation time descending, and rejects a forged token", async () => {
    expect((await us.send(new ListProjectsCommand({}))).projects).toEqual(["api-ci", "web-ci"]);
    const newest = await us.send(
      new ListProjectsCommand({ sortBy: "CREATED_TIME", sortOrder: "DESCENDING" }),
    );
    expect(newest.projects).toEqual(["api-ci", "web-ci"]);
    const oldest = await us.send(new ListProjectsCommand({ sortBy: "CREATED_TIME", sortOrder: "ASCENDING" }));
    expect(oldest.projects).toEqual(["web-ci", "api-ci"]);
    const error = await errorOf(us.send(new ListProjectsCommand({ nextToken: "forged" })));
    expect(error.name).toBe("InvalidInputException");
  });
});

describe("BatchGetProjects", () => {
  it("answers projects with tags inline as key/value pairs, unknown names in projectsNotFound", async () => {
    const out = await us.send(
      new BatchGetProjectsCommand({ names: ["web-ci", projectArn(ACME, "api-ci"), "ghost"] }),
    );
    expect(out.projects?.map((p) => p.name)).toEqual(["web-ci", "api-ci"]);
    expect(out.projects?.[0]).toMatchObject({
      arn: projectArn(ACME, "web-ci"),
      tags: [{ key: "Owner", value: "a@acme.io" }],
    });
    expect(out.projects?.[0]?.created).toEqual(new Date("2026-01-10T00:00:00Z"));
    expect(out.projects?.[1]?.tags).toEqual([]);
    expect(out.projectsNotFound).toEqual(["ghost"]);
  });

  it("takes 1 to 100 names (InvalidInputException otherwise)", async () => {
    const names = Array.from({ length: 100 }, (_, i) => `build-${String(i).padStart(4, "0")}`);
    expect((await eu.send(new BatchGetProjectsCommand({ names }))).projects).toHaveLength(100);
    for (const bad of [[], [...names, "one-more"]]) {
      const error = await errorOf(eu.send(new BatchGetProjectsCommand({ names: bad })));
      expect(error.name).toBe("InvalidInputException");
    }
  });
});

describe("isolation and IAM", () => {
  it("shows each account only its own projects; another account's ARN is denied", async () => {
    const globex = new CodeBuildClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListProjectsCommand({}))).projects).toEqual(["globex-ci"]);
    const byName = await globex.send(new BatchGetProjectsCommand({ names: ["web-ci"] }));
    expect(byName).toMatchObject({ projects: [], projectsNotFound: ["web-ci"] });
    const error = await errorOf(
      globex.send(new BatchGetProjectsCommand({ names: [projectArn(ACME, "web-ci")] })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies BatchGetProjects to a role that may only list", async () => {
    const narrow = new CodeBuildClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["codebuild:ListProjects"])),
    );
    expect((await narrow.send(new ListProjectsCommand({}))).projects).toHaveLength(2);
    const error = await errorOf(narrow.send(new BatchGetProjectsCommand({ names: ["web-ci"] })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("codebuild:BatchGetProjects");
  });
});
