// The batch-L4 listers against the sandbox: SageMaker endpoints and notebook instances, Bedrock
// agents and knowledge bases. Each finds a never-tagged resource of its type with the ARN AWS
// writes, brings a tagged one with its tags whether or not the Tagging walk ran (reading tags
// itself only when it did not), excludes what is being deleted, walks more than one page, and never
// shows one tenant's resources to the other.
import type { BedrockAgentClient } from "@aws-sdk/client-bedrock-agent";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import type { Resource } from "@tagc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitWithTags as emitBedrock } from "../../src/discovery/listers/bedrock-tags";
import { emitWithTags as emitSageMaker } from "../../src/discovery/listers/sagemaker-tags";
import type { ListedResource, ListerContext } from "../../src/discovery/listers/types";
import {
  ACME,
  acmeAccount,
  batchRoles,
  CREATED,
  callsIn,
  discover,
  FULL_READ,
  GLOBEX,
  globexAccount,
  startWorld,
  type World,
} from "./fixtures";

const A = ACME.accountId;
const G = GLOBEX.accountId;
const east = "us-east-1";
const west = "eu-west-1";

const L4_READ = [
  ...FULL_READ,
  "sagemaker:ListEndpoints",
  "sagemaker:ListNotebookInstances",
  "sagemaker:ListTags",
  "bedrock:ListAgents",
  "bedrock:ListKnowledgeBases",
  "bedrock:ListTagsForResource",
];
const roles = batchRoles(L4_READ);

const endpoint = "sagemaker:endpoint";
const notebook = "sagemaker:notebook-instance";
const agent = "bedrock:agent";
const kb = "bedrock:knowledge-base";
const OWNER = { Owner: "a@acme.io" };

const ACME_L4: ResourceSeedInput[] = [
  { type: endpoint, region: east, id: "Churn-Scratch", tags: {}, created_at: CREATED },
  { type: endpoint, region: east, id: "churn-prod", tags: OWNER, created_at: CREATED, state: "Failed" },
  { type: endpoint, region: east, id: "churn-old", tags: OWNER, state: "Deleting" },
  // 120 more in eu-west-1: two ListEndpoints pages.
  ...Array.from({ length: 120 }, (_, i) => ({
    type: endpoint,
    region: west,
    id: `ep-${String(i).padStart(4, "0")}`,
    tags: {},
  })),
  { type: notebook, region: east, id: "Lab", tags: {}, created_at: CREATED },
  { type: notebook, region: east, id: "lab-tagged", tags: OWNER, state: "Stopped" },
  { type: notebook, region: east, id: "lab-old", tags: OWNER, state: "Deleting" },
  { type: agent, region: east, id: "AGENTUNTAG", tags: {} },
  { type: agent, region: east, id: "AGENTOWNED", tags: OWNER },
  { type: agent, region: east, id: "AGENTGONE1", tags: OWNER, state: "DELETING" },
  // 1,010 more in eu-west-1: two ListAgents pages of up to 1,000.
  ...Array.from({ length: 1010 }, (_, i) => ({
    type: agent,
    region: west,
    id: `AW${String(i).padStart(8, "0")}`,
    tags: {},
  })),
  { type: kb, region: east, id: "KBUNTAGGED", tags: {} },
  { type: kb, region: east, id: "KBOWNED001", tags: OWNER },
  { type: kb, region: east, id: "KBGONE0001", tags: OWNER, state: "DELETING" },
];
const GLOBEX_L4: ResourceSeedInput[] = [
  { type: endpoint, region: east, id: "globex-ep", tags: {} },
  { type: notebook, region: east, id: "globex-lab", tags: {} },
  { type: agent, region: east, id: "GLOBEXAGNT", tags: {} },
  { type: kb, region: east, id: "GLOBEXKB01", tags: {} },
];

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({ roles: roles(ACME.externalId), resources: ACME_L4 }),
    globexAccount({ roles: roles(GLOBEX.externalId), resources: GLOBEX_L4 }),
  ]);
});
afterAll(() => world.stop());

const only = (resources: readonly Resource[], arn: string) => resources.filter((r) => r.arn === arn);
const sagemakerArn = (account: string, region: string, kind: string, name: string) =>
  `arn:aws:sagemaker:${region}:${account}:${kind}/${name}`;
const bedrockArn = (account: string, region: string, kind: string, id: string) =>
  `arn:aws:bedrock:${region}:${account}:${kind}/${id}`;

describe("sagemaker:endpoint", () => {
  const arn = (account: string, region: string, name: string) =>
    sagemakerArn(account, region, "endpoint", name);

  it("finds a never-tagged endpoint with AWS's lower-case ARN, reading no tags when the walk ran", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [endpoint] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "churn-scratch"))).toEqual([
      {
        arn: arn(A, east, "churn-scratch"),
        id: "Churn-Scratch",
        type: endpoint,
        region: east,
        account_id: A,
        tags: {},
        state: "InService",
        created_at: CREATED,
      },
    ]);
    expect(only(result.resources, arn(A, east, "churn-prod"))).toEqual([
      expect.objectContaining({ tags: OWNER, state: "Failed" }),
    ]);
    // 120 in eu-west-1 (two pages) and two live in us-east-1; the Deleting one is not reported,
    // though the Tagging API returns it.
    expect(result.resources).toHaveLength(122);
    expect(result.resources.map((r) => r.id)).not.toContain("churn-old");
    expect(callsIn(world.sandbox, A, west, "sagemaker:ListEndpoints")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "sagemaker:ListTags")).toBe(0);
  });

  it("reads each endpoint's tags with ListTags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, {
      resourceTypes: [endpoint],
      regions: [east],
      role: "noTagging",
    });
    expect(result.resources.map((r) => [r.id, r.tags]).sort()).toEqual([
      ["Churn-Scratch", {}],
      ["churn-prod", OWNER],
    ]);
    expect(callsIn(world.sandbox, A, east, "sagemaker:ListTags")).toBe(2);
  });

  it("shows each tenant only its own endpoints", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [endpoint] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-ep")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("sagemaker:notebook-instance", () => {
  const arn = (account: string, region: string, name: string) =>
    sagemakerArn(account, region, "notebook-instance", name);

  it("finds a never-tagged notebook instance, keeps a Stopped one and drops a Deleting one", async () => {
    const result = await discover(world, ACME, { resourceTypes: [notebook] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "lab"))).toEqual([
      {
        arn: arn(A, east, "lab"),
        id: "Lab",
        type: notebook,
        region: east,
        account_id: A,
        tags: {},
        state: "InService",
        created_at: CREATED,
      },
    ]);
    expect(result.resources.map((r) => [r.id, r.state, r.tags]).sort()).toEqual([
      ["Lab", "InService", {}],
      ["lab-tagged", "Stopped", OWNER],
    ]);
  });

  it("reads tags with ListTags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [notebook], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "lab-tagged"))).toEqual([
      expect.objectContaining({ tags: OWNER }),
    ]);
    expect(result.resources).toHaveLength(2);
    expect(callsIn(world.sandbox, A, east, "sagemaker:ListTags")).toBe(2);
  });

  it("shows each tenant only its own notebook instances", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [notebook] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "globex-lab")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("bedrock:agent", () => {
  const arn = (account: string, region: string, id: string) => bedrockArn(account, region, "agent", id);

  it("finds a never-tagged agent with the ARN AWS writes, over two pages, reading no tags when the walk ran", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [agent] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "AGENTUNTAG"))).toEqual([
      {
        arn: arn(A, east, "AGENTUNTAG"),
        id: "AGENTUNTAG",
        type: agent,
        region: east,
        account_id: A,
        tags: {},
        state: "PREPARED",
        created_at: null,
      },
    ]);
    expect(only(result.resources, arn(A, east, "AGENTOWNED"))).toEqual([
      expect.objectContaining({ tags: OWNER }),
    ]);
    expect(result.resources).toHaveLength(1012);
    expect(result.resources.map((r) => r.id)).not.toContain("AGENTGONE1");
    expect(callsIn(world.sandbox, A, west, "bedrock:ListAgents")).toBe(2);
    expect(callsIn(world.sandbox, A, east, "bedrock:ListTagsForResource")).toBe(0);
  });

  it("reads each agent's tags when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, {
      resourceTypes: [agent],
      regions: [east],
      role: "noTagging",
    });
    expect(result.resources.map((r) => [r.id, r.tags]).sort()).toEqual([
      ["AGENTOWNED", OWNER],
      ["AGENTUNTAG", {}],
    ]);
    expect(callsIn(world.sandbox, A, east, "bedrock:ListTagsForResource")).toBe(2);
  });

  it("shows each tenant only its own agents", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [agent] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "GLOBEXAGNT")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("regions without Bedrock Agents", () => {
  it("are not asked for agents or knowledge bases: their endpoint does not exist there", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [agent, kb], regions: [east, "us-west-1"] });
    expect(result.data_quality.status).toBe("complete");
    expect(callsIn(world.sandbox, A, "us-west-1", "bedrock:ListAgents")).toBe(0);
    expect(callsIn(world.sandbox, A, "us-west-1", "bedrock:ListKnowledgeBases")).toBe(0);
    expect(callsIn(world.sandbox, A, east, "bedrock:ListAgents")).toBe(1);
  });
});

describe("bedrock:knowledge-base", () => {
  const arn = (account: string, region: string, id: string) =>
    bedrockArn(account, region, "knowledge-base", id);

  it("finds a never-tagged knowledge base and drops a DELETING one", async () => {
    const result = await discover(world, ACME, { resourceTypes: [kb] });
    expect(result.data_quality.status).toBe("complete");
    expect(only(result.resources, arn(A, east, "KBUNTAGGED"))).toEqual([
      {
        arn: arn(A, east, "KBUNTAGGED"),
        id: "KBUNTAGGED",
        type: kb,
        region: east,
        account_id: A,
        tags: {},
        state: "ACTIVE",
        created_at: null,
      },
    ]);
    expect(result.resources.map((r) => [r.id, r.tags]).sort()).toEqual([
      ["KBOWNED001", OWNER],
      ["KBUNTAGGED", {}],
    ]);
  });

  it("reads tags with ListTagsForResource when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const result = await discover(world, ACME, { resourceTypes: [kb], role: "noTagging" });
    expect(only(result.resources, arn(A, east, "KBOWNED001"))).toEqual([
      expect.objectContaining({ tags: OWNER }),
    ]);
    expect(result.resources).toHaveLength(2);
    expect(callsIn(world.sandbox, A, east, "bedrock:ListTagsForResource")).toBe(2);
  });

  it("shows each tenant only its own knowledge bases", async () => {
    const globex = await discover(world, GLOBEX, { resourceTypes: [kb] });
    expect(globex.resources.map((r) => r.arn)).toEqual([arn(G, east, "GLOBEXKB01")]);
    expect(JSON.stringify(globex)).not.toContain(A);
  });
});

describe("a resource deleted between the list call and its tag read", () => {
  // The scan context reduced to what emitWithTags uses: no Tagging walk, calls sent as they come.
  const context = (emitted: ListedResource[]) =>
    ({
      region: east,
      accountId: A,
      scan: {
        call: (_region: string, _lane: string, send: (s: AbortSignal) => unknown) =>
          send(new AbortController().signal),
        page() {},
      },
      taggedLookup: async () => undefined,
      emit: (r: ListedResource) => void emitted.push(r),
    }) as unknown as ListerContext;
  const listed = (arn: string) => ({
    arn,
    id: arn,
    type: endpoint,
    region: east,
    state: null,
    created_at: null,
  });
  const failing = (error: Error) => ({ send: async () => Promise.reject(error) });

  it("is dropped when SageMaker's ListTags answers ValidationException saying it does not exist", async () => {
    const emitted: ListedResource[] = [];
    const gone = Object.assign(new Error("Resource arn:aws:sagemaker:...:endpoint/x does not exist."), {
      name: "ValidationException",
    });
    await emitSageMaker(context(emitted), failing(gone) as unknown as SageMakerClient, [listed("x")]);
    expect(emitted).toEqual([]);
  });

  it("fails the lister for any other ValidationException", async () => {
    const bad = Object.assign(new Error("1 validation error detected"), { name: "ValidationException" });
    await expect(
      emitSageMaker(context([]), failing(bad) as unknown as SageMakerClient, [listed("x")]),
    ).rejects.toThrow("1 validation error detected");
  });

  it("is dropped when Bedrock's ListTagsForResource answers ResourceNotFoundException", async () => {
    const emitted: ListedResource[] = [];
    const gone = Object.assign(new Error("not found"), { name: "ResourceNotFoundException" });
    await emitBedrock(context(emitted), failing(gone) as unknown as BedrockAgentClient, [listed("y")]);
    expect(emitted).toEqual([]);
  });
});
