import {
  DescribeKeyCommand,
  KMSClient,
  ListKeysCommand,
  ListResourceTagsCommand,
  paginateListKeys,
} from "@aws-sdk/client-kms";
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
let eu: KMSClient;
let us: KMSClient;

const key = "kms:key";
const READ = ["kms:ListKeys", "kms:DescribeKey", "kms:ListResourceTags"];
const uuid = (n: number) => `1234abcd-12ab-34cd-56ef-${String(n).padStart(12, "0")}`;
const keyArn = (account: string, id: string, region = "us-east-1") =>
  `arn:aws:kms:${region}:${account}:key/${id}`;
/** 60 tags: two ListResourceTags pages of at most 50. */
const manyTags = Object.fromEntries(
  Array.from({ length: 60 }, (_, i) => [`Key${String(i).padStart(2, "0")}`, `v${i}`]),
);

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...Array.from({ length: 230 }, (_, i) => ({ type: key, region: "eu-west-1", id: uuid(i), tags: {} })),
        {
          type: key,
          region: "us-east-1",
          id: uuid(1001),
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { AliasName: "alias/acme-data" },
        },
        { type: key, region: "us-east-1", id: uuid(1002), tags: manyTags },
        { type: key, region: "us-east-1", id: uuid(1003), tags: {}, attributes: { KeyManager: "AWS" } },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: key, region: "us-east-1", id: uuid(2001), tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new KMSClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new KMSClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListKeys", () => {
  it("walks 230 keys with the paginator, 100 a page by default, Truncated until the last", async () => {
    const ids: string[] = [];
    const truncated: (boolean | undefined)[] = [];
    for await (const page of paginateListKeys({ client: eu }, {})) {
      ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ""));
      truncated.push(page.Truncated);
    }
    expect(ids).toHaveLength(230);
    expect(new Set(ids).size).toBe(230);
    expect(truncated).toEqual([true, true, false]);
  });

  it("lists every key, AWS managed ones too, with its ARN", async () => {
    const out = await us.send(new ListKeysCommand({}));
    expect(out.Keys).toEqual([
      { KeyId: uuid(1001), KeyArn: keyArn(ACME, uuid(1001)) },
      { KeyId: uuid(1002), KeyArn: keyArn(ACME, uuid(1002)) },
      { KeyId: uuid(1003), KeyArn: keyArn(ACME, uuid(1003)) },
    ]);
    expect(out.Truncated).toBe(false);
  });

  it("rejects Limit over 1000 and a forged Marker", async () => {
    expect((await errorOf(us.send(new ListKeysCommand({ Limit: 1001 })))).name).toBe("ValidationException");
    expect((await errorOf(us.send(new ListKeysCommand({ Marker: "forged" })))).name).toBe(
      "InvalidMarkerException",
    );
  });
});

describe("DescribeKey", () => {
  it("describes by id, ARN or alias, with KeyManager telling customer keys from AWS ones", async () => {
    const byAlias = await us.send(new DescribeKeyCommand({ KeyId: "alias/acme-data" }));
    expect(byAlias.KeyMetadata).toMatchObject({
      KeyId: uuid(1001),
      Arn: keyArn(ACME, uuid(1001)),
      AWSAccountId: ACME,
      KeyManager: "CUSTOMER",
      KeyState: "Enabled",
      Enabled: true,
    });
    expect(byAlias.KeyMetadata?.CreationDate).toEqual(new Date("2026-01-05T10:00:00Z"));
    const aws = await us.send(new DescribeKeyCommand({ KeyId: keyArn(ACME, uuid(1003)) }));
    expect(aws.KeyMetadata?.KeyManager).toBe("AWS");
  });

  it("answers NotFoundException for an unknown key", async () => {
    const error = await errorOf(us.send(new DescribeKeyCommand({ KeyId: uuid(9999) })));
    expect(error.name).toBe("NotFoundException");
    expect(error.message).toBe(`Key '${keyArn(ACME, uuid(9999))}' does not exist`);
  });
});

describe("ListResourceTags", () => {
  it("returns TagKey/TagValue pairs, following NextMarker across pages", async () => {
    const one = await us.send(new ListResourceTagsCommand({ KeyId: uuid(1001) }));
    expect(one.Tags).toEqual([{ TagKey: "Owner", TagValue: "a@acme.io" }]);
    expect(one.Truncated).toBe(false);
    const first = await us.send(new ListResourceTagsCommand({ KeyId: uuid(1002) }));
    expect(first.Tags).toHaveLength(50);
    expect(first.Truncated).toBe(true);
    const second = await us.send(
      new ListResourceTagsCommand({ KeyId: uuid(1002), Marker: first.NextMarker }),
    );
    expect(second.Tags).toHaveLength(10);
    const all = [...(first.Tags ?? []), ...(second.Tags ?? [])];
    expect(Object.fromEntries(all.map((t) => [t.TagKey, t.TagValue]))).toEqual(manyTags);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own keys, and denies another account's key ARN", async () => {
    const globex = new KMSClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId)).toEqual([uuid(2001)]);
    const denied = await errorOf(globex.send(new DescribeKeyCommand({ KeyId: keyArn(ACME, uuid(1001)) })));
    expect(denied.name).toBe("AccessDeniedException");
    expect(JSON.stringify(await us.send(new ListKeysCommand({})))).not.toContain(GLOBEX);
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new KMSClient(clientConfig(sandbox, await narrowSession(sandbox, ["kms:ListKeys"])));
    expect((await narrow.send(new ListKeysCommand({}))).Keys).toHaveLength(3);
    const error = await errorOf(narrow.send(new ListResourceTagsCommand({ KeyId: uuid(1001) })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("kms:ListResourceTags");
  });
});
