import {
  KinesisClient,
  ListStreamsCommand,
  ListTagsForStreamCommand,
  paginateListStreams,
} from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
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
let eu: KinesisClient;
let us: KinesisClient;
let globex: KinesisClient;

const STREAM = "kinesis:stream";
/** The Kinesis client speaks HTTP/2 by default (for SubscribeToShard); the sandbox, like every other
 * Kinesis call's endpoint, takes HTTP/1.1. */
const http1 = () => ({ requestHandler: new NodeHttpHandler() });
const streamArn = (name: string) => `arn:aws:kinesis:us-east-1:${ACME}:stream/${name}`;
const MANY = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`Key${String(i).padStart(2, "0")}`, `v${i}`]),
);

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        ...(base.resources ?? []),
        ...bulk(STREAM, "stream", 250),
        {
          type: STREAM,
          region: "us-east-1",
          id: "clicks",
          created_at: "2026-04-01T00:00:00Z",
          tags: MANY,
          attributes: { StreamMode: "ON_DEMAND" },
        },
        { type: STREAM, region: "us-east-1", id: "bare", tags: {} },
      ],
    }),
    globexAccount({ resources: [{ type: STREAM, region: "us-east-1", id: "globex-stream", tags: {} }] }),
  ]);
  const creds = await assume(sandbox);
  eu = new KinesisClient({ ...clientConfig(sandbox, creds, "eu-west-1"), ...http1() });
  us = new KinesisClient({ ...clientConfig(sandbox, creds, "us-east-1"), ...http1() });
  globex = new KinesisClient({
    ...clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    ...http1(),
  });
});
afterAll(() => sandbox.stop());

describe("ListStreams", () => {
  it("walks 250 streams by NextToken, at most 100 a page even when more are asked for", async () => {
    const first = await eu.send(new ListStreamsCommand({ Limit: 500 }));
    expect(first.StreamNames).toHaveLength(100);
    expect(first.HasMoreStreams).toBe(true);
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListStreams({ client: eu, pageSize: 100 }, {})) {
      pages += 1;
      names.push(...(page.StreamSummaries ?? []).map((s) => s.StreamName!));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(250);
  });

  it("continues from ExclusiveStartStreamName, then by token", async () => {
    const out = await eu.send(new ListStreamsCommand({ ExclusiveStartStreamName: "stream-0239", Limit: 5 }));
    expect(out.StreamNames).toEqual([
      "stream-0240",
      "stream-0241",
      "stream-0242",
      "stream-0243",
      "stream-0244",
    ]);
    const next = await eu.send(new ListStreamsCommand({ NextToken: out.NextToken, Limit: 100 }));
    expect(next.StreamNames?.[0]).toBe("stream-0245");
    expect(next.HasMoreStreams).toBe(false);
  });

  it("summarises each stream with its ARN, status, mode and creation time", async () => {
    const out = await us.send(new ListStreamsCommand({}));
    expect(out.StreamNames).toEqual(["bare", "clicks"]);
    const clicks = out.StreamSummaries?.find((s) => s.StreamName === "clicks");
    expect(clicks).toMatchObject({
      StreamARN: streamArn("clicks"),
      StreamStatus: "ACTIVE",
      StreamModeDetails: { StreamMode: "ON_DEMAND" },
    });
    expect(clicks?.StreamCreationTimestamp).toEqual(new Date("2026-04-01T00:00:00Z"));
  });

  it("rejects a forged token, and a token with a start name", async () => {
    const forged = await errorOf(eu.send(new ListStreamsCommand({ NextToken: "forged" })));
    expect(forged.name).toBe("ExpiredNextTokenException");
    const both = await errorOf(
      eu.send(new ListStreamsCommand({ NextToken: "x", ExclusiveStartStreamName: "a" })),
    );
    expect(both.name).toBe("InvalidArgumentException");
    const tooMany = await errorOf(eu.send(new ListStreamsCommand({ Limit: 10001 })));
    expect(tooMany.name).toBe("ValidationException");
  });
});

describe("ListTagsForStream", () => {
  it("pages tags by ExclusiveStartTagKey and HasMoreTags, by name or ARN", async () => {
    const first = await us.send(new ListTagsForStreamCommand({ StreamName: "clicks" }));
    expect(first.Tags).toHaveLength(10);
    expect(first.HasMoreTags).toBe(true);
    const rest = await us.send(
      new ListTagsForStreamCommand({
        StreamARN: streamArn("clicks"),
        ExclusiveStartTagKey: first.Tags!.at(-1)!.Key,
      }),
    );
    expect(rest.Tags).toEqual([
      { Key: "Key10", Value: "v10" },
      { Key: "Key11", Value: "v11" },
    ]);
    expect(rest.HasMoreTags).toBe(false);
    const bare = await us.send(new ListTagsForStreamCommand({ StreamName: "bare" }));
    expect(bare).toMatchObject({ Tags: [], HasMoreTags: false });
  });

  it("answers ResourceNotFoundException for an unknown stream", async () => {
    const error = await errorOf(us.send(new ListTagsForStreamCommand({ StreamName: "nope" })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe("isolation and IAM", () => {
  it("shows each account only its own streams; another account's ARN is denied", async () => {
    expect((await globex.send(new ListStreamsCommand({}))).StreamNames).toEqual(["globex-stream"]);
    const error = await errorOf(
      globex.send(new ListTagsForStreamCommand({ StreamARN: streamArn("clicks") })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies ListStreams to a role without the action", async () => {
    const creds = await narrowSession(sandbox, ["kinesis:ListTagsForStream"]);
    const narrow = new KinesisClient({ ...clientConfig(sandbox, creds, "us-east-1"), ...http1() });
    const error = await errorOf(narrow.send(new ListStreamsCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("kinesis:ListStreams");
  });
});
