// An SDK client's resolved config has fast properties once createSdkClient built it (fast-properties.ts
// says why it matters): V8's own verdict, read with its natives syntax. If an SDK or V8 release
// changes how the config is built or when V8 migrates an object, this fails instead of every request
// quietly paying the slow spread again.
import { setFlagsFromString } from "node:v8";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { awsConfig, createSdkClient } from "../src";
import { fastProperties } from "../src/fast-properties";

setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("object", "return %HasFastProperties(object)") as (
  object: object,
) => boolean;

const config = awsConfig({
  endpoint: "http://127.0.0.1:1",
  credentials: { accessKeyId: "a", secretAccessKey: "b" },
});
const provider = async () => ({ accessKeyId: "a", secretAccessKey: "b" });
const CLASSES = [ECSClient, EC2Client, S3Client, STSClient, ResourceGroupsTaggingAPIClient];

describe("fastProperties", () => {
  it("is needed: the SDK's own config is a dictionary", () => {
    expect(hasFastProperties(new ECSClient({ region: "us-east-1" }).config)).toBe(false);
  });

  it("gives every client's config fast properties, the first client's too, and keeps its members", () => {
    for (const Class of [...CLASSES, ...CLASSES]) {
      const plain = new Class({ region: "eu-west-1", credentials: provider });
      const client = createSdkClient(Class as never, config, "eu-west-1", provider) as unknown as {
        config: object;
      };
      expect(hasFastProperties(client.config), Class.name).toBe(true);
      expect(Object.keys(client.config).sort()).toEqual(
        [...Object.keys(plain.config), "sha256", "endpoint", "forcePathStyle"]
          .filter((key, i, all) => all.indexOf(key) === i)
          .sort(),
      );
    }
  });

  it("stays fast when the SDK writes to the config (clock skew) and leaves values alone", () => {
    const object = Object.assign({}, ...Array.from({ length: 40 }, (_, i) => ({ [`k${i}`]: i })));
    delete object.k3;
    expect(hasFastProperties(object)).toBe(false);
    fastProperties(object);
    expect(hasFastProperties(object)).toBe(true);
    object.systemClockOffset = 1000;
    expect(hasFastProperties(object)).toBe(true);
    expect(object.k39).toBe(39);
    expect("k3" in object).toBe(false);
  });
});
