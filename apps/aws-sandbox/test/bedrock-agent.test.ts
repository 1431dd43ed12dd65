import {
  BedrockAgentClient,
  ListAgentsCommand,
  ListKnowledgeBasesCommand,
  ListTagsForResourceCommand,
  paginateListAgents,
} from "@aws-sdk/client-bedrock-agent";
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
let eu: BedrockAgentClient;
let us: BedrockAgentClient;

const agent = "bedrock:agent";
const kb = "bedrock:knowledge-base";
const READ = ["bedrock:ListAgents", "bedrock:ListKnowledgeBases", "bedrock:ListTagsForResource"];
const arn = (kind: string, id: string, account = ACME, region = "us-east-1") =>
  `arn:aws:bedrock:${region}:${account}:${kind}/${id}`;
const agentId = (i: number) => `AG${String(i).padStart(8, "0")}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...Array.from({ length: 1030 }, (_, i) => ({
          type: agent,
          region: "eu-west-1",
          id: agentId(i),
          tags: {},
        })),
        {
          type: agent,
          region: "us-east-1",
          id: "SUPPORT001",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { agentName: "support" },
        },
        { type: agent, region: "us-east-1", id: "RETIRED001", tags: {}, state: "DELETING" },
        { type: kb, region: "us-east-1", id: "KBDOCS0001", tags: {}, attributes: { name: "docs" } },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: agent, region: "us-east-1", id: "GLOBEX0001", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new BedrockAgentClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new BedrockAgentClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListAgents and ListKnowledgeBases", () => {
  it("walks 1,030 agents with the paginator, at most 1,000 a page", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListAgents({ client: eu, pageSize: 1000 }, {})) {
      pages += 1;
      ids.push(...(page.agentSummaries ?? []).map((a) => a.agentId ?? ""));
    }
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(1030);
  });

  it("lists summaries without ARN or tags; a DELETING agent keeps its status", async () => {
    const out = await us.send(new ListAgentsCommand({ maxResults: 100 }));
    expect(out.agentSummaries).toEqual([
      expect.objectContaining({ agentId: "RETIRED001", agentStatus: "DELETING" }),
      {
        agentId: "SUPPORT001",
        agentName: "support",
        agentStatus: "PREPARED",
        latestAgentVersion: "DRAFT",
        updatedAt: new Date("2026-01-05T10:00:00Z"),
      },
    ]);
    expect(out.nextToken).toBeUndefined();
    const kbs = await us.send(new ListKnowledgeBasesCommand({}));
    expect(kbs.knowledgeBaseSummaries).toEqual([
      expect.objectContaining({ knowledgeBaseId: "KBDOCS0001", name: "docs", status: "ACTIVE" }),
    ]);
  });

  it("rejects maxResults over 1,000 and a forged nextToken with ValidationException (400)", async () => {
    for (const call of [
      us.send(new ListAgentsCommand({ maxResults: 1001 })),
      us.send(new ListKnowledgeBasesCommand({ nextToken: "forged" })),
    ]) {
      const error = await errorOf(call);
      expect(error.name).toBe("ValidationException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("ListTagsForResource", () => {
  it("answers the tags as a map, an untagged knowledge base's as none", async () => {
    expect(
      (await us.send(new ListTagsForResourceCommand({ resourceArn: arn("agent", "SUPPORT001") }))).tags,
    ).toEqual({
      Owner: "a@acme.io",
    });
    expect(
      (await us.send(new ListTagsForResourceCommand({ resourceArn: arn("knowledge-base", "KBDOCS0001") })))
        .tags,
    ).toEqual({});
  });

  it("answers ResourceNotFoundException (404) for an agent that is gone", async () => {
    const error = await errorOf(
      us.send(new ListTagsForResourceCommand({ resourceArn: arn("agent", "GHOST00001") })),
    );
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own agents and denies another account's ARN", async () => {
    const globex = new BedrockAgentClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListAgentsCommand({}))).agentSummaries?.map((a) => a.agentId)).toEqual([
      "GLOBEX0001",
    ]);
    const error = await errorOf(
      globex.send(new ListTagsForResourceCommand({ resourceArn: arn("agent", "SUPPORT001") })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new BedrockAgentClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["bedrock:ListAgents"])),
    );
    expect((await narrow.send(new ListAgentsCommand({}))).agentSummaries).toHaveLength(2);
    const error = await errorOf(narrow.send(new ListKnowledgeBasesCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("bedrock:ListKnowledgeBases");
  });
});
