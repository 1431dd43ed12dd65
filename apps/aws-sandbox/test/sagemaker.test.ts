import {
  ListEndpointsCommand,
  ListNotebookInstancesCommand,
  ListTagsCommand,
  paginateListEndpoints,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
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
let eu: SageMakerClient;
let us: SageMakerClient;

const endpoint = "sagemaker:endpoint";
const notebook = "sagemaker:notebook-instance";
const READ = ["sagemaker:ListEndpoints", "sagemaker:ListNotebookInstances", "sagemaker:ListTags"];
const arn = (kind: string, name: string, account = ACME, region = "us-east-1") =>
  `arn:aws:sagemaker:${region}:${account}:${kind}/${name}`;
const manyTags = Object.fromEntries(
  Array.from({ length: 60 }, (_, i) => [`k${String(i).padStart(2, "0")}`, "v"]),
);

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(endpoint, "ep", 230),
        {
          type: endpoint,
          region: "us-east-1",
          id: "Churn-Prod",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
        },
        { type: endpoint, region: "us-east-1", id: "scratch", tags: {}, created_at: "2026-02-01T00:00:00Z" },
        {
          type: endpoint,
          region: "us-east-1",
          id: "old",
          tags: {},
          state: "Deleting",
          created_at: "2025-06-01T00:00:00Z",
        },
        { type: notebook, region: "us-east-1", id: "Lab", tags: manyTags, state: "Stopped" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: endpoint, region: "us-east-1", id: "globex-ep", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new SageMakerClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new SageMakerClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListEndpoints", () => {
  it("walks 230 endpoints with the paginator, 10 a page by default and up to 100 asked", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListEndpoints({ client: eu, pageSize: 100 }, {})) {
      pages += 1;
      names.push(...(page.Endpoints ?? []).map((e) => e.EndpointName ?? ""));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(230);
    expect((await eu.send(new ListEndpointsCommand({}))).Endpoints).toHaveLength(10);
  });

  it("lists newest first with a lower-case ARN and no tags; a Deleting endpoint keeps its status", async () => {
    const out = await us.send(new ListEndpointsCommand({}));
    expect(out.Endpoints?.map((e) => [e.EndpointName, e.EndpointStatus])).toEqual([
      ["scratch", "InService"],
      ["Churn-Prod", "InService"],
      ["old", "Deleting"],
    ]);
    expect(out.Endpoints?.[1]).toEqual({
      EndpointName: "Churn-Prod",
      EndpointArn: arn("endpoint", "churn-prod"),
      CreationTime: new Date("2026-01-05T10:00:00Z"),
      LastModifiedTime: new Date("2026-01-05T10:00:00Z"),
      EndpointStatus: "InService",
    });
    expect(out.NextToken).toBeUndefined();
    const asc = await us.send(new ListEndpointsCommand({ SortBy: "Name", SortOrder: "Ascending" }));
    expect(asc.Endpoints?.map((e) => e.EndpointName)).toEqual(["Churn-Prod", "old", "scratch"]);
    const deleting = await us.send(new ListEndpointsCommand({ StatusEquals: "Deleting" }));
    expect(deleting.Endpoints?.map((e) => e.EndpointName)).toEqual(["old"]);
  });

  it("rejects MaxResults over 100 and a forged NextToken with ValidationException", async () => {
    for (const call of [
      us.send(new ListEndpointsCommand({ MaxResults: 101 })),
      us.send(new ListEndpointsCommand({ NextToken: "forged" })),
    ]) {
      const error = await errorOf(call);
      expect(error.name).toBe("ValidationException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("ListNotebookInstances and ListTags", () => {
  it("lists a notebook instance with its status and lower-case ARN", async () => {
    const out = await us.send(new ListNotebookInstancesCommand({}));
    expect(out.NotebookInstances).toEqual([
      expect.objectContaining({
        NotebookInstanceName: "Lab",
        NotebookInstanceArn: arn("notebook-instance", "lab"),
        NotebookInstanceStatus: "Stopped",
      }),
    ]);
  });

  it("reads tags 50 a page at least, an untagged endpoint's as none", async () => {
    const first = await us.send(new ListTagsCommand({ ResourceArn: arn("notebook-instance", "lab") }));
    expect(first.Tags).toHaveLength(50);
    const rest = await us.send(
      new ListTagsCommand({ ResourceArn: arn("notebook-instance", "lab"), NextToken: first.NextToken }),
    );
    expect(rest.Tags).toHaveLength(10);
    expect(rest.NextToken).toBeUndefined();
    const prod = await us.send(new ListTagsCommand({ ResourceArn: arn("endpoint", "churn-prod") }));
    expect(prod.Tags).toEqual([
      { Key: "Owner", Value: "a@acme.io" },
      { Key: "Environment", Value: "production" },
    ]);
    expect((await us.send(new ListTagsCommand({ ResourceArn: arn("endpoint", "scratch") }))).Tags).toEqual(
      [],
    );
    expect(
      (
        await errorOf(
          us.send(new ListTagsCommand({ ResourceArn: arn("endpoint", "scratch"), MaxResults: 10 })),
        )
      ).name,
    ).toBe("ValidationException");
  });

  it("answers ValidationException for an endpoint that is gone, as SageMaker does", async () => {
    const error = await errorOf(us.send(new ListTagsCommand({ ResourceArn: arn("endpoint", "ghost") })));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain("does not exist");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own endpoints and denies another account's ARN", async () => {
    const globex = new SageMakerClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListEndpointsCommand({}))).Endpoints?.map((e) => e.EndpointArn)).toEqual([
      arn("endpoint", "globex-ep", GLOBEX),
    ]);
    const error = await errorOf(
      globex.send(new ListTagsCommand({ ResourceArn: arn("endpoint", "churn-prod") })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new SageMakerClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["sagemaker:ListEndpoints"])),
    );
    expect((await narrow.send(new ListEndpointsCommand({}))).Endpoints).toHaveLength(3);
    const error = await errorOf(
      narrow.send(new ListTagsCommand({ ResourceArn: arn("endpoint", "scratch") })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("sagemaker:ListTags");
  });
});
