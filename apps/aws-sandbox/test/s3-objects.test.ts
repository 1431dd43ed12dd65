// S3 objects through the real SDK: the operator publishes a template and reads it back, in both
// addressing styles, with S3's error codes; another account and a narrowed caller are refused.
import { createHash } from "node:crypto";
import { Agent } from "node:http";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src";
import {
  ACME,
  assume,
  baseSeed,
  CONTROL_PLANE,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  staticCreds,
  UNTRUSTED,
} from "./fixtures";
import { errorOf } from "./service-helpers";

// Same account as the operator, but allowed only to read templates under role/.
const READER = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:user/template-reader",
  access_key_id: "AKIATEMPLATEREADER01",
  secret_access_key: "templateReaderSecret00000000000000000",
  policy: {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow" as const, Action: "s3:GetObject", Resource: "arn:aws:s3:::tagc-templates/role/*" },
    ],
  },
};

const TEMPLATE = "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n";
let sandbox: Sandbox;
let operator: S3Client;

beforeAll(async () => {
  const seed = baseSeed();
  sandbox = await startSandbox({ seed: { ...seed, principals: [...(seed.principals ?? []), READER] } });
  operator = new S3Client(clientConfig(sandbox, staticCreds(CONTROL_PLANE)));
  await operator.send(new CreateBucketCommand({ Bucket: "tagc-templates" }));
  await operator.send(
    new PutObjectCommand({
      Bucket: "tagc-templates",
      Key: "role/2026-11-21.1/tag-compliance-role.yaml",
      Body: TEMPLATE,
      ContentType: "application/x-yaml",
    }),
  );
});
afterAll(() => sandbox.stop());

describe("S3 objects, path style", () => {
  it("creates a bucket the owner then lists", async () => {
    const listed = await operator.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((b) => b.Name)).toEqual(["tagc-templates"]);
  });

  it("reads back what was put, with S3's ETag, length and type", async () => {
    const got = await operator.send(
      new GetObjectCommand({ Bucket: "tagc-templates", Key: "role/2026-11-21.1/tag-compliance-role.yaml" }),
    );
    expect(await got.Body?.transformToString()).toBe(TEMPLATE);
    expect(got.ContentType).toBe("application/x-yaml");
    // The MD5 of the body, quoted, as S3 reports a single-part upload.
    expect(got.ETag).toBe(`"${createHash("md5").update(TEMPLATE).digest("hex")}"`);
    const head = await operator.send(
      new HeadObjectCommand({ Bucket: "tagc-templates", Key: "role/2026-11-21.1/tag-compliance-role.yaml" }),
    );
    expect(head.ContentLength).toBe(Buffer.byteLength(TEMPLATE));
    expect(head.ETag).toBe(got.ETag);
    expect(head.ContentType).toBe("application/x-yaml");
    expect(head.LastModified).toBeInstanceOf(Date);
  });

  it("answers NoSuchKey, a bare 404 to HEAD, and NoSuchBucket", async () => {
    const missing = await errorOf(
      operator.send(new GetObjectCommand({ Bucket: "tagc-templates", Key: "nope" })),
    );
    expect(missing).toMatchObject({ name: "NoSuchKey", message: "The specified key does not exist." });
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const head = await errorOf(
      operator.send(new HeadObjectCommand({ Bucket: "tagc-templates", Key: "nope" })),
    );
    expect(head.name).toBe("NotFound");
    expect(head.$metadata.httpStatusCode).toBe(404);
    await expect(
      operator.send(new GetObjectCommand({ Bucket: "no-such-bucket-x", Key: "k" })),
    ).rejects.toMatchObject({
      name: "NoSuchBucket",
    });
  });

  it("refuses another account's bucket name and another account's reads", async () => {
    const stranger = new S3Client(clientConfig(sandbox, staticCreds(UNTRUSTED)));
    await expect(stranger.send(new CreateBucketCommand({ Bucket: "tagc-templates" }))).rejects.toMatchObject({
      name: "BucketAlreadyExists",
    });
    const acme = new S3Client(clientConfig(sandbox, await assume(sandbox)));
    // The scanner role has no s3:GetObject at all; a role that had it still could not cross accounts.
    await expect(
      acme.send(
        new GetObjectCommand({ Bucket: "tagc-templates", Key: "role/2026-11-21.1/tag-compliance-role.yaml" }),
      ),
    ).rejects.toMatchObject({ name: "AccessDenied" });
    const globex = new S3Client(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual([
      "globex-data",
    ]);
    expect(ACME).not.toBe(GLOBEX);
  });

  it("evaluates a caller's policy on the object ARN", async () => {
    const reader = new S3Client(clientConfig(sandbox, staticCreds(READER)));
    const got = await reader.send(
      new GetObjectCommand({ Bucket: "tagc-templates", Key: "role/2026-11-21.1/tag-compliance-role.yaml" }),
    );
    expect(await got.Body?.transformToString()).toBe(TEMPLATE);
    const put = await errorOf(
      reader.send(new PutObjectCommand({ Bucket: "tagc-templates", Key: "role/x", Body: "x" })),
    );
    expect(put.name).toBe("AccessDenied");
    expect(put.message).toContain("s3:PutObject on resource: arn:aws:s3:::tagc-templates/role/x");
    await expect(
      reader.send(new GetObjectCommand({ Bucket: "tagc-templates", Key: "other/secret.txt" })),
    ).rejects.toMatchObject({ name: "AccessDenied" });
  });
});

describe("S3 objects, virtual-hosted style", () => {
  it("reads the bucket from the Host header", async () => {
    // bucket.localhost does not resolve here, so the agent connects every name to the sandbox.
    const agent = new Agent({
      lookup: (_host, options, callback) =>
        options.all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4),
    });
    const virtual = new S3Client({
      ...clientConfig(sandbox, staticCreds(CONTROL_PLANE)),
      endpoint: `http://localhost:${sandbox.port}`,
      forcePathStyle: false,
      requestHandler: { httpAgent: agent },
    });
    await virtual.send(
      new PutObjectCommand({ Bucket: "tagc-templates", Key: "role/virtual.yaml", Body: "v: 1\n" }),
    );
    const got = await operator.send(
      new GetObjectCommand({ Bucket: "tagc-templates", Key: "role/virtual.yaml" }),
    );
    expect(await got.Body?.transformToString()).toBe("v: 1\n");
    const head = await virtual.send(
      new HeadObjectCommand({ Bucket: "tagc-templates", Key: "role/virtual.yaml" }),
    );
    expect(head.ContentLength).toBe(5);
    agent.destroy();
  });
});
