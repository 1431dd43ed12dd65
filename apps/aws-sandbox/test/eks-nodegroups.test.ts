import {
  DescribeNodegroupCommand,
  EKSClient,
  ListNodegroupsCommand,
  paginateListNodegroups,
} from "@aws-sdk/client-eks";
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
let eu: EKSClient;
let us: EKSClient;

const cluster = "eks:cluster";
const nodegroup = "eks:nodegroup";
const READ = ["eks:ListClusters", "eks:ListNodegroups", "eks:DescribeNodegroup"];
const ngArn = (account: string, clusterName: string, name: string, region = "us-east-1") =>
  new RegExp(
    `^arn:aws:eks:${region}:${account}:nodegroup/${clusterName}/${name}/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$`,
  );

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        { type: cluster, region: "eu-west-1", id: "big", tags: {} },
        ...Array.from({ length: 150 }, (_, i) => ({
          type: nodegroup,
          region: "eu-west-1",
          id: `ng-${String(i).padStart(3, "0")}`,
          tags: {},
          attributes: { cluster: "big" },
        })),
        { type: cluster, region: "us-east-1", id: "prod", tags: {} },
        { type: cluster, region: "us-east-1", id: "empty", tags: {} },
        {
          type: nodegroup,
          region: "us-east-1",
          id: "workers",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { cluster: "prod" },
        },
        { type: nodegroup, region: "us-east-1", id: "spot", tags: {}, attributes: { cluster: "prod" } },
        {
          type: nodegroup,
          region: "us-east-1",
          id: "old",
          tags: {},
          state: "DELETING",
          attributes: { cluster: "prod" },
        },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [
        { type: cluster, region: "us-east-1", id: "prod", tags: {} },
        { type: nodegroup, region: "us-east-1", id: "globex-ng", tags: {}, attributes: { cluster: "prod" } },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new EKSClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new EKSClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListNodegroups", () => {
  it("walks 150 node groups of one cluster with the paginator, 100 a page by default", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListNodegroups({ client: eu }, { clusterName: "big" })) {
      pages += 1;
      names.push(...(page.nodegroups ?? []));
    }
    expect(pages).toBe(2);
    expect(new Set(names).size).toBe(150);
  });

  it("lists names of the named cluster only, none for a cluster without node groups", async () => {
    expect((await us.send(new ListNodegroupsCommand({ clusterName: "prod" }))).nodegroups).toEqual([
      "old",
      "spot",
      "workers",
    ]);
    expect((await us.send(new ListNodegroupsCommand({ clusterName: "empty" }))).nodegroups).toEqual([]);
  });

  it("answers ResourceNotFoundException (404) for an unknown cluster; rejects maxResults 0 and a forged token", async () => {
    const error = await errorOf(us.send(new ListNodegroupsCommand({ clusterName: "ghost" })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe("No cluster found for name: ghost.");
    expect(
      (await errorOf(us.send(new ListNodegroupsCommand({ clusterName: "prod", maxResults: 0 })))).name,
    ).toBe("InvalidParameterException");
    expect(
      (await errorOf(us.send(new ListNodegroupsCommand({ clusterName: "prod", nextToken: "forged" })))).name,
    ).toBe("InvalidParameterException");
  });
});

describe("DescribeNodegroup", () => {
  it("describes a node group with its ARN, status and tags as a map", async () => {
    const out = await us.send(
      new DescribeNodegroupCommand({ clusterName: "prod", nodegroupName: "workers" }),
    );
    expect(out.nodegroup).toMatchObject({
      nodegroupName: "workers",
      clusterName: "prod",
      status: "ACTIVE",
      tags: { Owner: "a@acme.io" },
    });
    expect(out.nodegroup?.nodegroupArn).toMatch(ngArn(ACME, "prod", "workers"));
    expect(out.nodegroup?.createdAt).toEqual(new Date("2026-01-05T10:00:00Z"));
    const old = await us.send(new DescribeNodegroupCommand({ clusterName: "prod", nodegroupName: "old" }));
    expect(old.nodegroup?.status).toBe("DELETING");
    expect(old.nodegroup?.tags).toEqual({});
  });

  it("answers ResourceNotFoundException (404) for an unknown node group", async () => {
    const error = await errorOf(
      us.send(new DescribeNodegroupCommand({ clusterName: "prod", nodegroupName: "ghost" })),
    );
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe("No node group found for name: ghost.");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own node groups, even under the same cluster name", async () => {
    const globex = new EKSClient(clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)));
    expect((await globex.send(new ListNodegroupsCommand({ clusterName: "prod" }))).nodegroups).toEqual([
      "globex-ng",
    ]);
    const out = await globex.send(
      new DescribeNodegroupCommand({ clusterName: "prod", nodegroupName: "globex-ng" }),
    );
    expect(out.nodegroup?.nodegroupArn).toMatch(ngArn(GLOBEX, "prod", "globex-ng"));
    expect(
      (
        await errorOf(
          globex.send(new DescribeNodegroupCommand({ clusterName: "prod", nodegroupName: "workers" })),
        )
      ).name,
    ).toBe("ResourceNotFoundException");
  });

  it("denies DescribeNodegroup to a role allowed only to list", async () => {
    const narrow = new EKSClient(clientConfig(sandbox, await narrowSession(sandbox, ["eks:ListNodegroups"])));
    expect((await narrow.send(new ListNodegroupsCommand({ clusterName: "prod" }))).nodegroups).toHaveLength(
      3,
    );
    const error = await errorOf(
      narrow.send(new DescribeNodegroupCommand({ clusterName: "prod", nodegroupName: "workers" })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("eks:DescribeNodegroup");
  });
});
