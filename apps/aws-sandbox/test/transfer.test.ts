import {
  ListServersCommand,
  ListTagsForResourceCommand,
  paginateListServers,
  TransferClient,
} from "@aws-sdk/client-transfer";
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
let eu: TransferClient;
let us: TransferClient;

const SERVER = "transfer:server";
const READ = ["transfer:ListServers", "transfer:ListTagsForResource"];
const sid = (n: number) => `s-${String(n).padStart(17, "0")}`;
const serverArn = (account: string, id: string, region = "us-east-1") =>
  `arn:aws:transfer:${region}:${account}:server/${id}`;
const MANY = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [`Key${String(i).padStart(2, "0")}`, `v${i}`]),
);

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...Array.from({ length: 30 }, (_, i) => ({
          type: SERVER,
          region: "eu-west-1",
          id: sid(100 + i),
          tags: {},
        })),
        { type: SERVER, region: "us-east-1", id: sid(1), tags: MANY },
        { type: SERVER, region: "us-east-1", id: sid(2), tags: {}, state: "OFFLINE" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: SERVER, region: "us-east-1", id: sid(9), tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new TransferClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new TransferClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListServers", () => {
  it("pages by NextToken and lists each server's ARN, id and state", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListServers({ client: eu, pageSize: 10 }, {})) {
      pages += 1;
      ids.push(...(page.Servers ?? []).map((s) => s.ServerId ?? ""));
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(30);
    const out = await us.send(new ListServersCommand({}));
    expect(out.Servers).toEqual([
      expect.objectContaining({ Arn: serverArn(ACME, sid(1)), ServerId: sid(1), State: "ONLINE" }),
      expect.objectContaining({ Arn: serverArn(ACME, sid(2)), ServerId: sid(2), State: "OFFLINE" }),
    ]);
  });

  it("rejects MaxResults out of 1-1000 and a forged NextToken", async () => {
    for (const MaxResults of [0, 1001]) {
      const error = await errorOf(us.send(new ListServersCommand({ MaxResults })));
      expect(error.name).toBe("ValidationException");
    }
    expect((await errorOf(us.send(new ListServersCommand({ NextToken: "forged" })))).name).toBe(
      "InvalidNextTokenException",
    );
  });
});

describe("ListTagsForResource", () => {
  it("pages a server's tags and echoes its ARN; an untagged server has none", async () => {
    const arn = serverArn(ACME, sid(1));
    const first = await us.send(new ListTagsForResourceCommand({ Arn: arn, MaxResults: 20 }));
    expect(first.Arn).toBe(arn);
    expect(first.Tags).toHaveLength(20);
    const rest = await us.send(
      new ListTagsForResourceCommand({ Arn: arn, MaxResults: 20, NextToken: first.NextToken }),
    );
    expect(rest.NextToken).toBeUndefined();
    const all = Object.fromEntries(
      [...(first.Tags ?? []), ...(rest.Tags ?? [])].map((t) => [t.Key, t.Value]),
    );
    expect(all).toEqual(MANY);
    expect((await us.send(new ListTagsForResourceCommand({ Arn: serverArn(ACME, sid(2)) }))).Tags).toEqual(
      [],
    );
  });

  it("answers ResourceNotFoundException for an unknown server", async () => {
    const error = await errorOf(us.send(new ListTagsForResourceCommand({ Arn: serverArn(ACME, sid(7)) })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own servers and denies naming another account's", async () => {
    const globex = new TransferClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListServersCommand({}))).Servers?.map((s) => s.ServerId)).toEqual([sid(9)]);
    const error = await errorOf(
      globex.send(new ListTagsForResourceCommand({ Arn: serverArn(ACME, sid(1)) })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new TransferClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["transfer:ListServers"])),
    );
    const error = await errorOf(
      narrow.send(new ListTagsForResourceCommand({ Arn: serverArn(ACME, sid(1)) })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("transfer:ListTagsForResource");
  });
});
