// publishTemplates against an independent S3 implementation (moto) through the real SDK.
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchBucket,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Operator,
  publishTemplates,
  renderTemplate,
  TEMPLATE_VERSION,
  TemplatePublishError,
} from "../src/index";
import { MOTO_CREDENTIALS, type Moto, startMoto } from "./moto";

const REGION = "us-east-1";
const ACME: Operator = { platformAccountId: "111122223333", scannerRolePattern: "tagc-scanner-*" };
const GLOBEX: Operator = { platformAccountId: "444455556666", scannerRolePattern: "globex-scan-*" };

let moto: Moto;
let s3: S3Client;

async function bucket(name: string): Promise<string> {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

const read = async (Bucket: string, Key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body?.transformToString("utf8");

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({
    region: REGION,
    endpoint: moto.endpoint,
    credentials: MOTO_CREDENTIALS,
    forcePathStyle: true,
  });
});

afterAll(async () => {
  await moto?.stop();
});

describe("publishTemplates", () => {
  it("uploads the rendered role and StackSet under versioned keys, as YAML, and returns their S3 URLs", async () => {
    const name = await bucket("tagc-publish-first");
    const published = await publishTemplates({ s3, bucket: name, region: REGION, operator: ACME });
    expect(published).toEqual([
      {
        kind: "role",
        key: `templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml`,
        url: `https://tagc-publish-first.s3.us-east-1.amazonaws.com/templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml`,
        status: "uploaded",
      },
      {
        kind: "stackset",
        key: `templates/tag-compliance-stackset-${TEMPLATE_VERSION}.yaml`,
        url: `https://tagc-publish-first.s3.us-east-1.amazonaws.com/templates/tag-compliance-stackset-${TEMPLATE_VERSION}.yaml`,
        status: "uploaded",
      },
    ]);
    for (const { key, kind } of published) {
      expect(await read(name, key)).toBe(renderTemplate(kind, ACME));
      const head = await s3.send(new HeadObjectCommand({ Bucket: name, Key: key }));
      expect(head.ContentType).toBe("application/x-yaml");
    }
  });

  it("is a no-op when the same body is already published (re-running the command is safe)", async () => {
    const name = await bucket("tagc-publish-rerun");
    await publishTemplates({ s3, bucket: name, region: REGION, operator: ACME });
    const again = await publishTemplates({ s3, bucket: name, region: REGION, operator: ACME });
    expect(again.map((template) => template.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("refuses to overwrite a published version with a different body, and leaves the object intact", async () => {
    const name = await bucket("tagc-publish-immutable");
    await publishTemplates({ s3, bucket: name, region: REGION, operator: ACME });
    const attempt = publishTemplates({ s3, bucket: name, region: REGION, operator: GLOBEX });
    await expect(attempt).rejects.toBeInstanceOf(TemplatePublishError);
    await expect(attempt).rejects.toThrow(
      `s3 object templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml already holds a different template`,
    );
    const body = await read(name, `templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml`);
    expect(body).toBe(renderTemplate("role", ACME));
    expect(body).not.toContain(GLOBEX.platformAccountId);
  });

  it("lets exactly one of two racing publishers of different bodies win (the write is conditional)", async () => {
    const name = await bucket("tagc-publish-race");
    const results = await Promise.allSettled([
      publishTemplates({ s3, bucket: name, region: REGION, operator: ACME }),
      publishTemplates({ s3, bucket: name, region: REGION, operator: GLOBEX }),
    ]);
    const won = results.findIndex((result) => result.status === "fulfilled");
    const lost = results.find((result) => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(lost?.reason).toBeInstanceOf(TemplatePublishError);
    const winner = won === 0 ? ACME : GLOBEX;
    expect(await read(name, `templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml`)).toBe(
      renderTemplate("role", winner),
    );
  });

  it("keeps two operators' templates apart under their own prefixes", async () => {
    const name = await bucket("tagc-publish-prefixes");
    const acme = await publishTemplates({
      s3,
      bucket: name,
      region: REGION,
      operator: ACME,
      prefix: "acme/",
    });
    const globex = await publishTemplates({
      s3,
      bucket: name,
      region: REGION,
      operator: GLOBEX,
      prefix: "globex/",
    });
    expect(await read(name, acme[0]?.key ?? "")).toContain("111122223333");
    expect(await read(name, globex[0]?.key ?? "")).toContain("444455556666");
    expect(await read(name, globex[0]?.key ?? "")).not.toContain("111122223333");
  });

  it("passes S3's own error on for a bucket that does not exist", async () => {
    const attempt = publishTemplates({ s3, bucket: "tagc-publish-missing", region: REGION, operator: ACME });
    await expect(attempt).rejects.toBeInstanceOf(NoSuchBucket);
  });
});
