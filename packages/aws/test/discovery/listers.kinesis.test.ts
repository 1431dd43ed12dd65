// The Kinesis lister against the sandbox: a never-tagged stream is found with the ARN AWS writes
// (stream/<name>), status and creation time from ListStreams' summaries; tags are read with
// ListTagsForStream only when the Tagging walk failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACME,
  ACME_RESOURCES,
  acmeAccount,
  CREATED,
  callsIn,
  discover,
  GLOBEX,
  GLOBEX_RESOURCES,
  globexAccount,
  MANY_TAGS,
  startWorld,
  type World,
} from "./fixtures";

const STREAM = "kinesis:stream";
const east = "us-east-1";
const A = ACME.accountId;

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      resources: [
        ...ACME_RESOURCES,
        { type: STREAM, region: east, id: "l1-stream-untagged", tags: {}, created_at: CREATED },
        { type: STREAM, region: east, id: "l1-stream-many", tags: MANY_TAGS, state: "UPDATING" },
      ],
    }),
    globexAccount({
      resources: [...GLOBEX_RESOURCES, { type: STREAM, region: east, id: "globex-bare", tags: {} }],
    }),
  ]);
});
afterAll(() => world.stop());

const scan = (tenant: typeof ACME, role?: "noTagging") =>
  discover(world, tenant, { resourceTypes: [STREAM], regions: [east], ...(role ? { role } : {}) });

describe("Kinesis lister", () => {
  it("finds a never-tagged stream with its ARN, status and creation time; tagged ones keep their tags", async () => {
    world.sandbox.resetCounters();
    const { resources, data_quality } = await scan(ACME);
    expect(data_quality).toMatchObject({ status: "complete", tagged_only_types: [] });
    expect(resources.find((r) => r.id === "l1-stream-untagged")).toEqual({
      arn: `arn:aws:kinesis:${east}:${A}:stream/l1-stream-untagged`,
      id: "l1-stream-untagged",
      type: STREAM,
      region: east,
      account_id: A,
      tags: {},
      state: "ACTIVE",
      created_at: CREATED,
    });
    expect(resources.find((r) => r.id === "l1-stream-many")).toMatchObject({
      tags: MANY_TAGS,
      state: "UPDATING",
    });
    expect(callsIn(world.sandbox, A, east, "kinesis:ListTagsForStream")).toBe(0);
  });

  it("reads tags with ListTagsForStream when the Tagging API is denied", async () => {
    world.sandbox.resetCounters();
    const { resources } = await scan(ACME, "noTagging");
    expect(resources.find((r) => r.id === "l1-stream-many")?.tags).toEqual(MANY_TAGS);
    expect(resources.find((r) => r.id === "acme-stream")?.tags).toEqual({ Owner: "a@acme.io" });
    expect(resources.find((r) => r.id === "l1-stream-untagged")?.tags).toEqual({});
    expect(callsIn(world.sandbox, A, east, "kinesis:ListTagsForStream")).toBe(3);
  });

  it("never shows one tenant's streams to another", async () => {
    const { resources } = await scan(GLOBEX);
    expect(resources.map((r) => r.id).sort()).toEqual(["globex-bare", "globex-stream"]);
    expect(JSON.stringify(resources)).not.toContain(A);
  });
});
