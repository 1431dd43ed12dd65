import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  paginateListTaskDefinitions,
} from "@aws-sdk/client-ecs";
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
import { errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: ECSClient;
let us: ECSClient;

const tdArn = (account: string, id: string, region = "us-east-1") =>
  `arn:aws:ecs:${region}:${account}:task-definition/${id}`;
const td = "ecs:task-definition";

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        // 250 revisions of one family in eu-west-1: three pages of 100.
        ...Array.from({ length: 250 }, (_, i) => ({
          type: td,
          region: "eu-west-1",
          id: `batch:${i + 1}`,
          tags: {},
        })),
        {
          type: td,
          region: "us-east-1",
          id: "web:1",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io" },
        },
        { type: td, region: "us-east-1", id: "web:2", tags: { Owner: "a@acme.io", Application: "shop" } },
        { type: td, region: "us-east-1", id: "web:3", tags: {}, state: "INACTIVE" },
        { type: td, region: "us-east-1", id: "api:10", tags: {} },
        { type: td, region: "us-east-1", id: "api:9", tags: {} },
      ],
    }),
    globexAccount({
      resources: [{ type: td, region: "us-east-1", id: "globex-web:1", tags: { Owner: "g" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new ECSClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new ECSClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListTaskDefinitions", () => {
  it("walks 250 revisions to the end with the paginator, 100 a page", async () => {
    const arns: string[] = [];
    let pages = 0;
    for await (const page of paginateListTaskDefinitions({ client: eu }, {})) {
      pages += 1;
      arns.push(...(page.taskDefinitionArns ?? []));
    }
    expect(pages).toBe(3);
    expect(arns).toHaveLength(250);
    expect(arns[0]).toBe(tdArn(ACME, "batch:1", "eu-west-1"));
    expect(arns[9]).toBe(tdArn(ACME, "batch:10", "eu-west-1"));
  });

  it("lists ACTIVE revisions by family then revision; status, sort and familyPrefix filter", async () => {
    const active = await us.send(new ListTaskDefinitionsCommand({}));
    expect(active.taskDefinitionArns).toEqual([
      tdArn(ACME, "api:9"),
      tdArn(ACME, "api:10"),
      tdArn(ACME, "web:1"),
      tdArn(ACME, "web:2"),
    ]);
    const inactive = await us.send(new ListTaskDefinitionsCommand({ status: "INACTIVE" }));
    expect(inactive.taskDefinitionArns).toEqual([tdArn(ACME, "web:3")]);
    const desc = await us.send(new ListTaskDefinitionsCommand({ sort: "DESC", familyPrefix: "web" }));
    expect(desc.taskDefinitionArns).toEqual([tdArn(ACME, "web:2"), tdArn(ACME, "web:1")]);
  });

  it("rejects maxResults over 100 and a forged nextToken", async () => {
    const big = await errorOf(us.send(new ListTaskDefinitionsCommand({ maxResults: 101 })));
    expect(big.name).toBe("InvalidParameterException");
    const forged = await errorOf(us.send(new ListTaskDefinitionsCommand({ nextToken: "forged" })));
    expect(forged.name).toBe("InvalidParameterException");
  });
});

describe("DescribeTaskDefinition", () => {
  it("describes by family:revision, ARN or family (its latest ACTIVE revision), tags only when included", async () => {
    const plain = await us.send(new DescribeTaskDefinitionCommand({ taskDefinition: "web:1" }));
    expect(plain.taskDefinition).toMatchObject({
      taskDefinitionArn: tdArn(ACME, "web:1"),
      family: "web",
      revision: 1,
      status: "ACTIVE",
    });
    expect(plain.taskDefinition?.registeredAt).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(plain.tags).toBeUndefined();
    const tagged = await us.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: tdArn(ACME, "web:2"), include: ["TAGS"] }),
    );
    expect(tagged.tags).toEqual([
      { key: "Owner", value: "a@acme.io" },
      { key: "Application", value: "shop" },
    ]);
    const latest = await us.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "web", include: ["TAGS"] }),
    );
    expect(latest.taskDefinition?.revision).toBe(2);
    const untagged = await us.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "api:10", include: ["TAGS"] }),
    );
    expect(untagged.tags).toEqual([]);
  });

  it("answers ClientException for an unknown definition, as ECS does", async () => {
    const error = await errorOf(us.send(new DescribeTaskDefinitionCommand({ taskDefinition: "ghost:1" })));
    expect(error.name).toBe("ClientException");
    expect(error.message).toBe("Unable to describe task definition.");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own task definitions, and denies another account's ARN", async () => {
    const globex = new ECSClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const theirs = await globex.send(new ListTaskDefinitionsCommand({}));
    expect(theirs.taskDefinitionArns).toEqual([tdArn(GLOBEX, "globex-web:1")]);
    const denied = await errorOf(
      globex.send(new DescribeTaskDefinitionCommand({ taskDefinition: tdArn(ACME, "web:1") })),
    );
    expect(denied.name).toBe("AccessDeniedException");
    const mine = await us.send(new ListTaskDefinitionsCommand({}));
    expect(JSON.stringify(mine.taskDefinitionArns)).not.toContain(GLOBEX);
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new ECSClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ecs:ListTaskDefinitions"])),
    );
    expect((await narrow.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns).toHaveLength(4);
    const error = await errorOf(narrow.send(new DescribeTaskDefinitionCommand({ taskDefinition: "web:1" })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("ecs:DescribeTaskDefinition");
  });
});
