import { DescribeFileSystemsCommand, FSxClient, paginateDescribeFileSystems } from "@aws-sdk/client-fsx";
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
let eu: FSxClient;
let us: FSxClient;

const fs = "fsx:file-system";
const READ = ["fsx:DescribeFileSystems"];
const fsId = (n: number) => `fs-0${n.toString(16).padStart(16, "0")}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...Array.from({ length: 130 }, (_, i) => ({
          type: fs,
          region: "eu-west-1",
          id: fsId(1000 + i),
          tags: {},
        })),
        {
          type: fs,
          region: "us-east-1",
          id: fsId(1),
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { FileSystemType: "ONTAP" },
        },
        { type: fs, region: "us-east-1", id: fsId(2), tags: {} },
        { type: fs, region: "us-east-1", id: fsId(3), tags: { Owner: "a@acme.io" }, state: "DELETING" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: fs, region: "us-east-1", id: fsId(9), tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new FSxClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new FSxClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("DescribeFileSystems", () => {
  it("walks 130 file systems with the paginator, at most 100 a page", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeFileSystems({ client: eu }, { MaxResults: 500 })) {
      pages += 1;
      ids.push(...(page.FileSystems ?? []).map((f) => f.FileSystemId ?? ""));
    }
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(130);
  });

  it("carries ResourceARN, Lifecycle and Tags inline", async () => {
    const out = await us.send(new DescribeFileSystemsCommand({}));
    const byId = new Map((out.FileSystems ?? []).map((f) => [f.FileSystemId, f]));
    expect(byId.get(fsId(1))).toMatchObject({
      ResourceARN: `arn:aws:fsx:us-east-1:${ACME}:file-system/${fsId(1)}`,
      OwnerId: ACME,
      FileSystemType: "ONTAP",
      Lifecycle: "AVAILABLE",
      Tags: [{ Key: "Owner", Value: "a@acme.io" }],
    });
    expect(fsId(1)).toMatch(/^fs-[0-9a-f]{17}$/);
    expect(byId.get(fsId(1))?.CreationTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(byId.get(fsId(2))?.Tags).toEqual([]);
    expect(byId.get(fsId(3))?.Lifecycle).toBe("DELETING");
    expect(out.NextToken).toBeUndefined();
  });

  it("narrows by FileSystemIds, and answers FileSystemNotFound for an unknown id", async () => {
    const one = await us.send(new DescribeFileSystemsCommand({ FileSystemIds: [fsId(2)] }));
    expect(one.FileSystems?.map((f) => f.FileSystemId)).toEqual([fsId(2)]);
    const error = await errorOf(us.send(new DescribeFileSystemsCommand({ FileSystemIds: [fsId(77)] })));
    expect(error.name).toBe("FileSystemNotFound");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("rejects MaxResults 0 and a forged NextToken", async () => {
    expect((await errorOf(us.send(new DescribeFileSystemsCommand({ MaxResults: 0 })))).name).toBe(
      "ValidationException",
    );
    expect((await errorOf(us.send(new DescribeFileSystemsCommand({ NextToken: "forged" })))).name).toBe(
      "BadRequest",
    );
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own file systems", async () => {
    const globex = new FSxClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const out = await globex.send(new DescribeFileSystemsCommand({}));
    expect(out.FileSystems?.map((f) => f.ResourceARN)).toEqual([
      `arn:aws:fsx:us-east-1:${GLOBEX}:file-system/${fsId(9)}`,
    ]);
    expect(
      (await errorOf(globex.send(new DescribeFileSystemsCommand({ FileSystemIds: [fsId(1)] })))).name,
    ).toBe("FileSystemNotFound");
  });

  it("denies DescribeFileSystems to a role without it", async () => {
    const narrow = new FSxClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ec2:DescribeInstances"])),
    );
    const error = await errorOf(narrow.send(new DescribeFileSystemsCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("fsx:DescribeFileSystems");
  });
});
