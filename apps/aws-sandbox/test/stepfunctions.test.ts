import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import {
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  paginateListStateMachines,
  SFNClient,
} from "@aws-sdk/client-sfn";
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
let eu: SFNClient;
let us: SFNClient;

const machine = "stepfunctions:statemachine";
const READ = ["states:ListStateMachines", "states:ListTagsForResource", "tag:GetResources"];
const machineArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:states:${region}:${account}:stateMachine:${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(machine, "flow", 230),
        {
          type: machine,
          region: "us-east-1",
          id: "orders",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
          attributes: { type: "EXPRESS" },
        },
        { type: machine, region: "us-east-1", id: "scratch", tags: {} },
        {
          type: machine,
          region: "us-east-1",
          id: "retired",
          tags: { Owner: "a@acme.io" },
          state: "DELETING",
        },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: machine, region: "us-east-1", id: "globex-flow", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new SFNClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new SFNClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListStateMachines", () => {
  it("walks 230 state machines with the paginator, 100 a page by default", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListStateMachines({ client: eu }, {})) {
      pages += 1;
      names.push(...(page.stateMachines ?? []).map((m) => m.name ?? ""));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(230);
  });

  it("lists ARNs, types and creation dates but no tags, and leaves out one being deleted", async () => {
    const out = await us.send(new ListStateMachinesCommand({ maxResults: 0 }));
    expect(out.nextToken).toBeUndefined();
    expect(out.stateMachines).toEqual([
      {
        stateMachineArn: machineArn(ACME, "orders"),
        name: "orders",
        type: "EXPRESS",
        creationDate: new Date("2026-01-05T10:00:00Z"),
      },
      expect.objectContaining({
        name: "scratch",
        type: "STANDARD",
        stateMachineArn: machineArn(ACME, "scratch"),
      }),
    ]);
  });

  it("pages by maxResults up to 1000 and rejects more, or a forged nextToken (InvalidToken)", async () => {
    const first = await eu.send(new ListStateMachinesCommand({ maxResults: 1000 }));
    expect(first.stateMachines).toHaveLength(230);
    const small = await eu.send(new ListStateMachinesCommand({ maxResults: 7 }));
    expect(small.stateMachines).toHaveLength(7);
    const next = await eu.send(new ListStateMachinesCommand({ maxResults: 7, nextToken: small.nextToken }));
    expect(next.stateMachines?.[0]?.name).toBe("flow-0007");
    expect((await errorOf(us.send(new ListStateMachinesCommand({ maxResults: 1001 })))).name).toBe(
      "ValidationException",
    );
    const forged = await errorOf(us.send(new ListStateMachinesCommand({ nextToken: "forged" })));
    expect(forged.name).toBe("InvalidToken");
    expect(forged.$metadata.httpStatusCode).toBe(400);
  });
});

describe("ListTagsForResource", () => {
  it("reads tags as key/value pairs, none for an untagged machine", async () => {
    const out = await us.send(new ListTagsForResourceCommand({ resourceArn: machineArn(ACME, "orders") }));
    expect(out.tags).toEqual([
      { key: "Owner", value: "a@acme.io" },
      { key: "Environment", value: "production" },
    ]);
    expect(
      (await us.send(new ListTagsForResourceCommand({ resourceArn: machineArn(ACME, "scratch") }))).tags,
    ).toEqual([]);
  });

  it("answers ResourceNotFound for an unknown machine or one being deleted, InvalidArn for a bad ARN", async () => {
    for (const name of ["ghost", "retired"]) {
      const error = await errorOf(
        us.send(new ListTagsForResourceCommand({ resourceArn: machineArn(ACME, name) })),
      );
      expect(error.name).toBe("ResourceNotFound");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
    expect((await errorOf(us.send(new ListTagsForResourceCommand({ resourceArn: "nope" })))).name).toBe(
      "InvalidArn",
    );
  });
});

describe("the Tagging API", () => {
  it("returns tagged state machines for the states filter, with the states ARN", async () => {
    const tagging = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, await assume(sandbox)));
    const out = await tagging.send(new GetResourcesCommand({ ResourceTypeFilters: ["states"] }));
    expect(out.ResourceTagMappingList?.map((m) => m.ResourceARN)).toContain(machineArn(ACME, "orders"));
    expect(out.ResourceTagMappingList?.map((m) => m.ResourceARN)).not.toContain(machineArn(ACME, "scratch"));
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own state machines and denies another account's ARN", async () => {
    const globex = new SFNClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const out = await globex.send(new ListStateMachinesCommand({}));
    expect(out.stateMachines?.map((m) => m.stateMachineArn)).toEqual([machineArn(GLOBEX, "globex-flow")]);
    const error = await errorOf(
      globex.send(new ListTagsForResourceCommand({ resourceArn: machineArn(ACME, "orders") })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new SFNClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["states:ListStateMachines"])),
    );
    expect((await narrow.send(new ListStateMachinesCommand({}))).stateMachines).toHaveLength(2);
    const error = await errorOf(
      narrow.send(new ListTagsForResourceCommand({ resourceArn: machineArn(ACME, "orders") })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("states:ListTagsForResource");
  });
});
