import {
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  ListDeliveryStreamsCommand,
  ListTagsForDeliveryStreamCommand,
} from "@aws-sdk/client-firehose";
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
let eu: FirehoseClient;
let us: FirehoseClient;

const STREAM = "firehose:deliverystream";
const READ = [
  "firehose:ListDeliveryStreams",
  "firehose:DescribeDeliveryStream",
  "firehose:ListTagsForDeliveryStream",
];
const streamArn = (account: string, name: string) =>
  `arn:aws:firehose:us-east-1:${account}:deliverystream/${name}`;
const MANY = Object.fromEntries(
  Array.from({ length: 60 }, (_, i) => [`Key${String(i).padStart(2, "0")}`, `v${i}`]),
);

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(STREAM, "fh", 25),
        {
          type: STREAM,
          region: "us-east-1",
          id: "clicks",
          created_at: "2026-04-01T00:00:00Z",
          tags: { Owner: "a@acme.io", ...MANY },
          attributes: { DeliveryStreamType: "KinesisStreamAsSource" },
        },
        { type: STREAM, region: "us-east-1", id: "bare", tags: {} },
        { type: STREAM, region: "us-east-1", id: "old", tags: {}, state: "DELETING" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: STREAM, region: "us-east-1", id: "globex-fh", tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new FirehoseClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new FirehoseClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListDeliveryStreams", () => {
  it("lists 10 names by default in alphabetical order, then continues after the last name", async () => {
    const first = await eu.send(new ListDeliveryStreamsCommand({}));
    expect(first.DeliveryStreamNames).toHaveLength(10);
    expect(first.HasMoreDeliveryStreams).toBe(true);
    const names = [...(first.DeliveryStreamNames ?? [])];
    let last = first;
    while (last.HasMoreDeliveryStreams) {
      last = await eu.send(
        new ListDeliveryStreamsCommand({ Limit: 10, ExclusiveStartDeliveryStreamName: names.at(-1) }),
      );
      names.push(...(last.DeliveryStreamNames ?? []));
    }
    expect(names).toHaveLength(25);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(25);
  });

  it("filters by DeliveryStreamType and rejects a Limit out of 1-10000", async () => {
    expect((await us.send(new ListDeliveryStreamsCommand({ Limit: 100 }))).DeliveryStreamNames).toEqual([
      "bare",
      "clicks",
      "old",
    ]);
    const kinesis = await us.send(
      new ListDeliveryStreamsCommand({ DeliveryStreamType: "KinesisStreamAsSource" }),
    );
    expect(kinesis.DeliveryStreamNames).toEqual(["clicks"]);
    for (const Limit of [0, 10001]) {
      const error = await errorOf(us.send(new ListDeliveryStreamsCommand({ Limit })));
      expect(error.name).toBe("ValidationException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("DescribeDeliveryStream", () => {
  it("describes a stream's ARN, status, type and creation time; a deleting one says so", async () => {
    const out = await us.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: "clicks" }));
    expect(out.DeliveryStreamDescription).toMatchObject({
      DeliveryStreamName: "clicks",
      DeliveryStreamARN: streamArn(ACME, "clicks"),
      DeliveryStreamStatus: "ACTIVE",
      DeliveryStreamType: "KinesisStreamAsSource",
      HasMoreDestinations: false,
    });
    expect(out.DeliveryStreamDescription?.CreateTimestamp).toEqual(new Date("2026-04-01T00:00:00Z"));
    const old = await us.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: "old" }));
    expect(old.DeliveryStreamDescription?.DeliveryStreamStatus).toBe("DELETING");
  });

  it("answers ResourceNotFoundException (400) for an unknown stream or one in another region", async () => {
    for (const name of ["ghost", "fh-0001"]) {
      const error = await errorOf(us.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name })));
      expect(error.name).toBe("ResourceNotFoundException");
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe(`Firehose ${name} under account ${ACME} not found.`);
    }
  });
});

describe("ListTagsForDeliveryStream", () => {
  it("pages tags by ExclusiveStartTagKey, at most 50 a call, and answers none for an untagged stream", async () => {
    const first = await us.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: "clicks" }));
    expect(first.Tags).toHaveLength(50);
    expect(first.HasMoreTags).toBe(true);
    const rest = await us.send(
      new ListTagsForDeliveryStreamCommand({
        DeliveryStreamName: "clicks",
        ExclusiveStartTagKey: first.Tags?.at(-1)?.Key,
      }),
    );
    expect(rest.HasMoreTags).toBe(false);
    const all = Object.fromEntries(
      [...(first.Tags ?? []), ...(rest.Tags ?? [])].map((t) => [t.Key, t.Value]),
    );
    expect(all).toEqual({ Owner: "a@acme.io", ...MANY });
    expect(await us.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: "bare" }))).toMatchObject(
      {
        Tags: [],
        HasMoreTags: false,
      },
    );
    const error = await errorOf(
      us.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: "ghost" })),
    );
    expect(error.name).toBe("ResourceNotFoundException");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own streams", async () => {
    const globex = new FirehoseClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames).toEqual([
      "globex-fh",
    ]);
    const error = await errorOf(
      globex.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: "clicks" })),
    );
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.message).toContain(GLOBEX);
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new FirehoseClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["firehose:ListDeliveryStreams"])),
    );
    expect((await narrow.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames).toHaveLength(3);
    const error = await errorOf(
      narrow.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: "clicks" })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("firehose:ListTagsForDeliveryStream");
  });
});
