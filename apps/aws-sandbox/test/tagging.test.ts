import {
  GetResourcesCommand,
  GetTagKeysCommand,
  GetTagValuesCommand,
  paginateGetResources,
  paginateGetTagKeys,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceSeedInput, Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  startTestSandbox,
} from "./fixtures";

// 1,200 tagged instances in us-east-1 plus 30 untagged ones the Tagging API must never return.
const many = Array.from(
  { length: 1230 },
  (_, i): ResourceSeedInput => ({
    type: "ec2:instance",
    region: "us-east-1",
    id: `i-${String(i).padStart(17, "0")}`,
    tags:
      i < 1200
        ? ({ Name: `bulk-${i}`, Team: i % 2 ? "odd" : "even", [`Key${i % 150}`]: "x" } as Record<
            string,
            string
          >)
        : {},
  }),
);

let sandbox: Sandbox;
let acme: ResourceGroupsTaggingAPIClient;
let globex: ResourceGroupsTaggingAPIClient;

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    { ...base, resources: [...(base.resources ?? []), ...many] },
    globexAccount(),
  ]);
  acme = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, await assume(sandbox)));
  globex = new ResourceGroupsTaggingAPIClient(
    clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
  );
});
afterAll(() => sandbox.stop());

async function allArns(
  client: ResourceGroupsTaggingAPIClient,
  input: ConstructorParameters<typeof GetResourcesCommand>[0] = {},
) {
  const arns: string[] = [];
  let pages = 0;
  for await (const page of paginateGetResources({ client }, input)) {
    pages += 1;
    for (const mapping of page.ResourceTagMappingList ?? []) arns.push(mapping.ResourceARN!);
  }
  return { arns, pages };
}

describe("GetResources", () => {
  it("walks 1,200+ tagged resources to the end, 100 a page, never returning untagged ones", async () => {
    sandbox.resetCounters();
    const { arns, pages } = await allArns(acme, { ResourcesPerPage: 100 });
    // 1,200 bulk + i-...01, i-...03 is eu-west-1, volume, bucket acme-logs (us-east-1).
    expect(arns).toHaveLength(1203);
    expect(new Set(arns).size).toBe(1203);
    expect(pages).toBe(13);
    expect(arns).not.toContain(`arn:aws:ec2:us-east-1:${ACME}:instance/i-0000000000000002`);
    expect(arns.some((a) => a.includes("i-00000000000001200"))).toBe(false);
    expect(sandbox.counters().by_operation["tag:GetResources"]).toBe(13);
  });

  it("answers only the signed region", async () => {
    const eu = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, await assume(sandbox), "eu-west-1"));
    const { arns } = await allArns(eu);
    expect(arns).toEqual([`arn:aws:ec2:eu-west-1:${ACME}:instance/i-0000000000000003`]);
  });

  it("filters by type and by tags exactly", async () => {
    const volumes = await allArns(acme, { ResourceTypeFilters: ["ec2:volume"] });
    expect(volumes.arns).toEqual([`arn:aws:ec2:us-east-1:${ACME}:volume/vol-0000000000000001`]);
    const s3 = await allArns(acme, { ResourceTypeFilters: ["s3"] });
    expect(s3.arns).toEqual(["arn:aws:s3:::acme-logs"]);
    const odd = await allArns(acme, { TagFilters: [{ Key: "Team", Values: ["odd"] }] });
    expect(odd.arns).toHaveLength(600);
    const ownerKey = await allArns(acme, { TagFilters: [{ Key: "Owner" }] });
    expect(ownerKey.arns.sort()).toEqual([
      "arn:aws:ec2:us-east-1:222222222222:instance/i-0000000000000001",
      "arn:aws:ec2:us-east-1:222222222222:volume/vol-0000000000000001",
      "arn:aws:s3:::acme-logs",
    ]);
  });

  it("returns the tags of the ARNs asked for", async () => {
    const out = await acme.send(
      new GetResourcesCommand({
        ResourceARNList: [`arn:aws:ec2:us-east-1:${ACME}:instance/i-0000000000000001`],
      }),
    );
    expect(out.ResourceTagMappingList).toEqual([
      {
        ResourceARN: `arn:aws:ec2:us-east-1:${ACME}:instance/i-0000000000000001`,
        Tags: [
          { Key: "Name", Value: "web-1" },
          { Key: "Owner", Value: "a@acme.io" },
        ],
      },
    ]);
    expect(out.PaginationToken).toBe("");
  });

  it("keeps accounts apart", async () => {
    const { arns } = await allArns(globex);
    expect(arns.sort()).toEqual([
      `arn:aws:ec2:us-east-1:${GLOBEX}:instance/i-00000000000000g1`,
      "arn:aws:s3:::globex-data",
    ]);
    const foreign = await globex.send(
      new GetResourcesCommand({
        ResourceARNList: [`arn:aws:ec2:us-east-1:${ACME}:instance/i-0000000000000001`],
      }),
    );
    expect(foreign.ResourceTagMappingList).toEqual([]);
  });

  it.each([
    [{ ResourcesPerPage: 101 }, "InvalidParameterException"],
    [{ ResourceTypeFilters: ["EC2 Instance"] }, "InvalidParameterException"],
    [{ PaginationToken: "forged" }, "InvalidParameterException"],
  ])("rejects %j with %s", async (input, code) => {
    await expect(acme.send(new GetResourcesCommand(input))).rejects.toMatchObject({ name: code });
  });

  // A walk pages through what it matched when it started: untagging a resource already returned
  // does not shift the later pages (no resource skipped), a retried page answers the same, and the
  // next walk sees the change.
  it("keeps a walk's pages stable while the account changes under it", async () => {
    const first = await acme.send(new GetResourcesCommand({ ResourcesPerPage: 100 }));
    const returned = first.ResourceTagMappingList?.[0]?.ResourceARN ?? "";
    const resource = sandbox.world.accounts.get(ACME)?.resources.find((r) => r.arn === returned);
    if (!resource) throw new Error(`${returned} is not seeded`);
    const tags = resource.tags;
    try {
      resource.tags = {};
      const arns = (first.ResourceTagMappingList ?? []).map((m) => m.ResourceARN);
      const next = { ResourcesPerPage: 100, PaginationToken: first.PaginationToken };
      const second = await acme.send(new GetResourcesCommand(next));
      const retried = await acme.send(new GetResourcesCommand(next));
      expect(retried.ResourceTagMappingList?.map((m) => m.ResourceARN)).toEqual(
        second.ResourceTagMappingList?.map((m) => m.ResourceARN),
      );
      let token = second.PaginationToken;
      arns.push(...(second.ResourceTagMappingList ?? []).map((m) => m.ResourceARN));
      while (token) {
        const out = await acme.send(
          new GetResourcesCommand({ ResourcesPerPage: 100, PaginationToken: token }),
        );
        arns.push(...(out.ResourceTagMappingList ?? []).map((m) => m.ResourceARN));
        token = out.PaginationToken;
      }
      expect(new Set(arns).size).toBe(1203);
      expect((await allArns(acme)).arns).toHaveLength(1202);
    } finally {
      resource.tags = tags;
    }
  });

  it("rejects a token minted for another query", async () => {
    const first = await acme.send(new GetResourcesCommand({ ResourcesPerPage: 10 }));
    await expect(
      acme.send(
        new GetResourcesCommand({
          ResourcesPerPage: 10,
          ResourceTypeFilters: ["ec2:volume"],
          PaginationToken: first.PaginationToken,
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidParameterException" });
  });
});

describe("GetTagKeys / GetTagValues", () => {
  it("pages keys to the end and lists distinct values", async () => {
    const keys: string[] = [];
    for await (const page of paginateGetTagKeys({ client: acme }, {})) keys.push(...(page.TagKeys ?? []));
    // Name, Owner, Team and Key0..Key149 (Environment lives in eu-west-1 only).
    expect(keys).toHaveLength(153);
    expect(keys).toContain("Key149");
    const values = await acme.send(new GetTagValuesCommand({ Key: "Team" }));
    expect(values.TagValues).toEqual(["even", "odd"]);
    const globexKeys = await globex.send(new GetTagKeysCommand({}));
    expect(globexKeys.TagKeys).toEqual(["Name", "Owner"]);
  });
});
