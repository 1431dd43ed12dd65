// Malformed and badly signed requests get AWS-shaped errors, never a crash.
import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import { assume, CONTROL_PLANE, clientConfig, startTestSandbox, staticCreds } from "./fixtures";

let sandbox: Sandbox;
let now = Date.now();
beforeAll(async () => {
  sandbox = await startTestSandbox(undefined, { now: () => now });
});
afterAll(() => sandbox.stop());

const wrongSecret = {
  accessKeyId: CONTROL_PLANE.access_key_id,
  secretAccessKey: "not-the-secret-0000000000000000000000",
};
const unknownKey = {
  accessKeyId: "AKIANOBODYKNOWSTHIS",
  secretAccessKey: "whatever00000000000000000000000000000",
};

describe("authentication", () => {
  it.each([
    [
      "STS",
      () => new STSClient(clientConfig(sandbox, wrongSecret)).send(new GetCallerIdentityCommand({})),
      "SignatureDoesNotMatch",
      403,
    ],
    [
      "EC2",
      () => new EC2Client(clientConfig(sandbox, wrongSecret)).send(new DescribeInstancesCommand({})),
      "AuthFailure",
      401,
    ],
    [
      "Tagging",
      () =>
        new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, wrongSecret)).send(
          new GetResourcesCommand({}),
        ),
      "InvalidSignatureException",
      400,
    ],
    [
      "S3",
      () => new S3Client(clientConfig(sandbox, wrongSecret)).send(new ListBucketsCommand({})),
      "SignatureDoesNotMatch",
      403,
    ],
  ] as const)("a bad signature to %s is %s", async (_service, call, name, status) => {
    await expect(call()).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });

  it.each([
    [
      "STS",
      () => new STSClient(clientConfig(sandbox, unknownKey)).send(new GetCallerIdentityCommand({})),
      "InvalidClientTokenId",
    ],
    [
      "Tagging",
      () =>
        new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, unknownKey)).send(
          new GetResourcesCommand({}),
        ),
      "UnrecognizedClientException",
    ],
    [
      "S3",
      () => new S3Client(clientConfig(sandbox, unknownKey)).send(new ListBucketsCommand({})),
      "InvalidAccessKeyId",
    ],
  ] as const)("an unknown access key to %s is %s", async (_service, call, name) => {
    await expect(call()).rejects.toMatchObject({ name });
  });

  it("rejects session keys without their token, and expired sessions", async () => {
    const creds = await assume(sandbox);
    const { sessionToken: _dropped, ...withoutToken } = creds;
    await expect(
      new STSClient(clientConfig(sandbox, withoutToken)).send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({
      name: "InvalidClientTokenId",
    });
    now += 3601 * 1000;
    await expect(
      new STSClient(clientConfig(sandbox, creds)).send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({
      name: "ExpiredToken",
    });
    now = Date.now();
  });
});

describe("raw malformed requests", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    });

  it("answers an unsigned query request with MissingAuthenticationToken XML", async () => {
    const res = await post("Action=GetCallerIdentity&Version=2011-06-15");
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toContain("<Code>MissingAuthenticationToken</Code>");
    expect(text).toContain("<RequestId>");
  });

  it("answers an unsigned JSON request in the JSON shape", async () => {
    const res = await post("{}", {
      "x-amz-target": "ResourceGroupsTaggingAPI_20170126.GetResources",
      "content-type": "application/x-amz-json-1.1",
    });
    expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await res.json()).toEqual({
      __type: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
  });

  it("answers garbage Authorization headers without crashing", async () => {
    const res = await post("Action=GetCallerIdentity", {
      authorization: "AWS4-HMAC-SHA256 Credential=garbage",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("MissingAuthenticationToken");
  });

  it("answers admin routes it does not know with 404 JSON and bad admin bodies with 400", async () => {
    expect((await fetch(`${sandbox.url}/_sandbox/nope`)).status).toBe(404);
    const bad = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: "PUT",
      body: JSON.stringify({ throttle: { rate: 7 } }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("throttle.rate");
    const invalidJson = await fetch(`${sandbox.url}/_sandbox/faults`, { method: "PUT", body: "{" });
    expect(invalidJson.status).toBe(400);
  });
});

describe("unknown actions", () => {
  it("answers a signed call to an action the sandbox does not know with InvalidAction", async () => {
    const { GetSessionTokenCommand } = await import("@aws-sdk/client-sts");
    await expect(
      new STSClient(clientConfig(sandbox, staticCreds(CONTROL_PLANE))).send(new GetSessionTokenCommand({})),
    ).rejects.toMatchObject({
      name: "InvalidAction",
    });
  });
});
