import { DescribeFileSystemsCommand, EFSClient, paginateDescribeFileSystems } from "@aws-sdk/client-efs";
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
let eu: EFSClient;
let us: EFSClient;

const fsArn = (account: string, id: string, region = "us-east-1") =>
  `arn:aws:elasticfilesystem:${region}:${account}:file-system/${id}`;
const READ = ["elasticfilesystem:DescribeFileSystems"];

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        // fs-00000000 ... : hex ids, as EFS writes them.
        ...bulk("elasticfilesystem:file-system", "fs-0000", 230).map((r) => ({
          ...r,
          id: r.id.replace("-0000-", "-0000"),
        })),
        {
          type: "elasticfilesystem:file-system",
          region: "us-east-1",
          id: "fs-0a1b2c3d",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Name: "shared-home", Owner: "a@acme.io" },
          attributes: { CreationToken: "home-token", SizeInBytes: 12288 },
        },
        { type: "elasticfilesystem:file-system", region: "us-east-1", id: "fs-0e0e0e0e", tags: {} },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [
        {
          type: "elasticfilesystem:file-system",
          region: "us-east-1",
          id: "fs-0b0b0b0b",
          tags: { Owner: "g@globex.io" },
        },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new EFSClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new EFSClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("DescribeFileSystems", () => {
  it("walks 230 file systems to the end with the paginator, 100 a page", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeFileSystems({ client: eu }, {})) {
      pages += 1;
      expect(page.FileSystems?.length).toBeLessThanOrEqual(100);
      ids.push(...(page.FileSystems ?? []).map((f) => f.FileSystemId ?? ""));
    }
    expect(pages).toBe(3);
    expect(ids).toHaveLength(230);
    expect(new Set(ids).size).toBe(230);
  });

  it("never returns more than 100 a page, whatever MaxItems asks, and echoes the Marker", async () => {
    const first = await eu.send(new DescribeFileSystemsCommand({ MaxItems: 500 }));
    expect(first.FileSystems).toHaveLength(100);
    expect(first.NextMarker).toBeDefined();
    const second = await eu.send(new DescribeFileSystemsCommand({ MaxItems: 7, Marker: first.NextMarker }));
    expect(second.FileSystems).toHaveLength(7);
    expect(second.Marker).toBe(first.NextMarker);
  });

  it("describes each file system with its tags inline, untagged ones with an empty list", async () => {
    const out = await us.send(new DescribeFileSystemsCommand({}));
    expect(out.NextMarker).toBeUndefined();
    expect(out.FileSystems).toHaveLength(2);
    const home = out.FileSystems?.find((f) => f.FileSystemId === "fs-0a1b2c3d");
    expect(home).toMatchObject({
      OwnerId: ACME,
      FileSystemArn: fsArn(ACME, "fs-0a1b2c3d"),
      CreationToken: "home-token",
      LifeCycleState: "available",
      Name: "shared-home",
      SizeInBytes: { Value: 12288 },
      Tags: [
        { Key: "Name", Value: "shared-home" },
        { Key: "Owner", Value: "a@acme.io" },
      ],
    });
    expect(home?.CreationTime).toEqual(new Date("2026-01-05T10:00:00Z"));
    const bare = out.FileSystems?.find((f) => f.FileSystemId === "fs-0e0e0e0e");
    expect(bare?.Tags).toEqual([]);
    expect(bare?.Name).toBeUndefined();
  });

  it("filters by FileSystemId (id or ARN) and CreationToken", async () => {
    const byId = await us.send(new DescribeFileSystemsCommand({ FileSystemId: "fs-0e0e0e0e" }));
    expect(byId.FileSystems?.map((f) => f.FileSystemId)).toEqual(["fs-0e0e0e0e"]);
    const byArn = await us.send(new DescribeFileSystemsCommand({ FileSystemId: fsArn(ACME, "fs-0a1b2c3d") }));
    expect(byArn.FileSystems?.map((f) => f.FileSystemId)).toEqual(["fs-0a1b2c3d"]);
    const byToken = await us.send(new DescribeFileSystemsCommand({ CreationToken: "home-token" }));
    expect(byToken.FileSystems?.map((f) => f.FileSystemId)).toEqual(["fs-0a1b2c3d"]);
  });

  it("answers FileSystemNotFound (404) for an unknown id, BadRequest for a malformed one", async () => {
    const missing = await errorOf(us.send(new DescribeFileSystemsCommand({ FileSystemId: "fs-0fffffff" })));
    expect(missing.name).toBe("FileSystemNotFound");
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(missing.message).toBe("File system 'fs-0fffffff' does not exist.");
    const malformed = await errorOf(us.send(new DescribeFileSystemsCommand({ FileSystemId: "nope" })));
    expect(malformed.name).toBe("BadRequest");
    expect(malformed.$metadata.httpStatusCode).toBe(400);
  });

  it("rejects a forged Marker with BadRequest", async () => {
    const error = await errorOf(eu.send(new DescribeFileSystemsCommand({ Marker: "forged" })));
    expect(error.name).toBe("BadRequest");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own file systems", async () => {
    const globex = new EFSClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    const theirs = await globex.send(new DescribeFileSystemsCommand({}));
    expect(theirs.FileSystems?.map((f) => f.FileSystemArn)).toEqual([fsArn(GLOBEX, "fs-0b0b0b0b")]);
    const mine = await us.send(new DescribeFileSystemsCommand({}));
    expect(JSON.stringify(mine)).not.toContain(GLOBEX);
    const denied = await errorOf(
      globex.send(new DescribeFileSystemsCommand({ FileSystemId: fsArn(ACME, "fs-0a1b2c3d") })),
    );
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.$metadata.httpStatusCode).toBe(403);
  });

  it("denies DescribeFileSystems to a role without it", async () => {
    const narrow = new EFSClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ec2:DescribeRegions"])),
    );
    const error = await errorOf(narrow.send(new DescribeFileSystemsCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("elasticfilesystem:DescribeFileSystems");
  });
});
