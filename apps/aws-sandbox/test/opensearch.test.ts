import {
  DescribeDomainsCommand,
  ListDomainNamesCommand,
  ListTagsCommand,
  OpenSearchClient,
} from "@aws-sdk/client-opensearch";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
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
let eu: OpenSearchClient;
let us: OpenSearchClient;

const domain = "opensearch:domain";
const READ = ["es:ListDomainNames", "es:DescribeDomains", "es:ListTags", "tag:GetResources"];
const domainArn = (account: string, name: string, region = "us-east-1") =>
  `arn:aws:es:${region}:${account}:domain/${name}`;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(domain, "search", 12),
        { type: domain, region: "us-east-1", id: "logs", tags: { Owner: "a@acme.io" } },
        {
          type: domain,
          region: "us-east-1",
          id: "legacy",
          tags: {},
          attributes: { EngineVersion: "Elasticsearch_7.10" },
        },
        { type: domain, region: "us-east-1", id: "old-logs", tags: { Owner: "a@acme.io" }, state: "deleted" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: domain, region: "us-east-1", id: "globex-search", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new OpenSearchClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new OpenSearchClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListDomainNames", () => {
  it("lists every domain at once with its engine, one being deleted included", async () => {
    expect((await eu.send(new ListDomainNamesCommand({}))).DomainNames).toHaveLength(12);
    expect((await us.send(new ListDomainNamesCommand({}))).DomainNames).toEqual([
      { DomainName: "legacy", EngineType: "Elasticsearch" },
      { DomainName: "logs", EngineType: "OpenSearch" },
      { DomainName: "old-logs", EngineType: "OpenSearch" },
    ]);
    expect((await us.send(new ListDomainNamesCommand({ EngineType: "Elasticsearch" }))).DomainNames).toEqual([
      { DomainName: "legacy", EngineType: "Elasticsearch" },
    ]);
  });
});

describe("DescribeDomains", () => {
  it("describes up to five domains, leaving unknown names out, Deleted true while deleting", async () => {
    const out = await us.send(new DescribeDomainsCommand({ DomainNames: ["logs", "ghost", "old-logs"] }));
    expect(out.DomainStatusList?.map((d) => [d.DomainName, d.ARN, d.Deleted])).toEqual([
      ["logs", domainArn(ACME, "logs"), false],
      ["old-logs", domainArn(ACME, "old-logs"), true],
    ]);
    expect(out.DomainStatusList?.[0]).toMatchObject({ DomainId: `${ACME}/logs`, Created: true });
  });

  it("rejects no name or more than five (ValidationException)", async () => {
    for (const DomainNames of [[], ["a1a", "b1b", "c1c", "d1d", "e1e", "f1f"]]) {
      const error = await errorOf(us.send(new DescribeDomainsCommand({ DomainNames })));
      expect(error.name).toBe("ValidationException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("ListTags", () => {
  it("reads a domain's tags as Key/Value pairs, none for an untagged one", async () => {
    expect((await us.send(new ListTagsCommand({ ARN: domainArn(ACME, "logs") }))).TagList).toEqual([
      { Key: "Owner", Value: "a@acme.io" },
    ]);
    expect((await us.send(new ListTagsCommand({ ARN: domainArn(ACME, "legacy") }))).TagList).toEqual([]);
  });

  it("answers ResourceNotFoundException (409, as AWS documents) for an unknown domain", async () => {
    const error = await errorOf(us.send(new ListTagsCommand({ ARN: domainArn(ACME, "ghost") })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(409);
  });
});

describe("the Tagging API", () => {
  it("returns tagged domains for the es:domain filter, with the es ARN", async () => {
    const tagging = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, await assume(sandbox)));
    const out = await tagging.send(new GetResourcesCommand({ ResourceTypeFilters: ["es:domain"] }));
    expect(out.ResourceTagMappingList?.map((m) => m.ResourceARN).sort()).toEqual([
      domainArn(ACME, "logs"),
      domainArn(ACME, "old-logs"),
    ]);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own domains and denies another account's ARN", async () => {
    const globex = new OpenSearchClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    expect((await globex.send(new ListDomainNamesCommand({}))).DomainNames?.map((d) => d.DomainName)).toEqual(
      ["globex-search"],
    );
    expect(
      (await globex.send(new DescribeDomainsCommand({ DomainNames: ["logs"] }))).DomainStatusList,
    ).toEqual([]);
    const error = await errorOf(globex.send(new ListTagsCommand({ ARN: domainArn(ACME, "logs") })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new OpenSearchClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["es:ListDomainNames"])),
    );
    expect((await narrow.send(new ListDomainNamesCommand({}))).DomainNames).toHaveLength(3);
    const error = await errorOf(narrow.send(new DescribeDomainsCommand({ DomainNames: ["logs"] })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("es:DescribeDomains");
  });
});
