// Client configuration: the sandbox endpoint and path-style S3, the standard credential chain when
// no keys are configured, and a regional STS endpoint whatever the environment says.
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  awsConfig,
  CredentialBroker,
  controlPlaneCredentials,
  createStsClient,
  DEFAULT_REGION,
  sdkClientConfig,
} from "../src";
import { Sha256 } from "../src/sha256";
import { ACME, CONTROL_PLANE, configFor, startTestSandbox, targetFor } from "./fixtures";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("sdkClientConfig", () => {
  it("adds the endpoint, path-style S3, retries and the given credentials", async () => {
    const provider = async () => ({ accessKeyId: "a", secretAccessKey: "b" });
    expect(sdkClientConfig(configFor(sandbox), "eu-west-1", provider)).toEqual({
      region: "eu-west-1",
      endpoint: sandbox.url,
      forcePathStyle: true,
      credentials: provider,
      maxAttempts: 2,
      retryMode: "standard",
      requestHandler: expect.any(NodeHttpHandler),
      sha256: Sha256,
    });
    expect(sdkClientConfig(awsConfig(), "us-east-1", provider)).toEqual({
      region: "us-east-1",
      credentials: provider,
      retryMode: "standard",
      requestHandler: expect.any(NodeHttpHandler),
      sha256: Sha256,
    });
  });

  it("shares one connection pool per config, which a client's destroy does not close", async () => {
    const config = configFor(sandbox);
    const broker = new CredentialBroker({ config });
    const credentials = broker.providerFor(targetFor(ACME));
    const first = sdkClientConfig(config, "us-east-1", credentials);
    expect(sdkClientConfig(config, "eu-west-1", credentials).requestHandler).toBe(first.requestHandler);
    expect(sdkClientConfig(configFor(sandbox), "us-east-1", credentials).requestHandler).not.toBe(
      first.requestHandler,
    );
    // One scan's clients are destroyed while another scan's, on the same pool, are mid-call.
    const [ending, running] = [new S3Client(first), new S3Client(first)];
    const call = running.send(new ListBucketsCommand({}));
    ending.destroy();
    expect((await call).$metadata.httpStatusCode).toBe(200);
    expect((await running.send(new ListBucketsCommand({}))).$metadata.httpStatusCode).toBe(200);
    running.destroy();
    broker.destroy();
  });

  it("lets S3 reach the sandbox with a role session", async () => {
    const broker = new CredentialBroker({ config: configFor(sandbox) });
    const s3 = new S3Client(
      sdkClientConfig(configFor(sandbox), "us-east-1", broker.providerFor(targetFor(ACME))),
    );
    const out = await s3.send(new ListBucketsCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    s3.destroy();
    broker.destroy();
  });

  it("defaults the region to us-east-1", () => {
    expect(DEFAULT_REGION).toBe("us-east-1");
    expect(awsConfig({ endpoint: "http://x" })).toEqual({ region: "us-east-1", endpoint: "http://x" });
  });
});

describe("control plane credentials", () => {
  it("falls back to the SDK's node chain, which reads the standard AWS variables", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", CONTROL_PLANE.access_key_id);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", CONTROL_PLANE.secret_access_key);
    vi.stubEnv("AWS_SESSION_TOKEN", "");
    const config = { region: "us-east-1", endpoint: sandbox.url };
    const sts = createStsClient(config, controlPlaneCredentials(config));
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(identity.Arn).toContain(":assumed-role/tagc-scanner-test/");
  });
});

describe("createStsClient", () => {
  const keys = async () => ({ accessKeyId: "a", secretAccessKey: "b" });

  /** The host the SDK resolved for a call, captured before anything leaves the process. */
  async function resolvedHost(sts: STSClient) {
    let host = "";
    sts.middlewareStack.add(
      (_next) => async (args) => {
        host = (args.request as { hostname: string }).hostname;
        throw new Error("captured");
      },
      { step: "finalizeRequest", priority: "low" },
    );
    await sts.send(new GetCallerIdentityCommand({})).catch(() => undefined);
    sts.destroy();
    return host;
  }

  it("uses the regional endpoint, never the global one", async () => {
    // The SDK would otherwise honour a configured endpoint from the machine running the tests.
    vi.stubEnv("AWS_ENDPOINT_URL", undefined);
    vi.stubEnv("AWS_ENDPOINT_URL_STS", undefined);
    expect(await resolvedHost(createStsClient({ region: "us-east-1" }, keys))).toBe(
      "sts.us-east-1.amazonaws.com",
    );
    expect(await resolvedHost(createStsClient({ region: "eu-west-1" }, keys))).toBe(
      "sts.eu-west-1.amazonaws.com",
    );
    // The control: the same capture does see the global endpoint when a client asks for it.
    const global = new STSClient({ region: "us-east-1", credentials: keys, useGlobalEndpoint: true });
    expect(await resolvedHost(global)).toBe("sts.amazonaws.com");
  });

  it("refuses the aws-global pseudo-region", () => {
    expect(() => createStsClient({ region: "aws-global" }, keys)).toThrow(RangeError);
  });
});
