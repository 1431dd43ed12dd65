// CloudFront and Route 53: global REST-XML services, read through the real SDK clients. Their lists
// carry no tags; tags come from ListTagsForResource(s), and the Tagging API answers for them only
// in us-east-1.
import {
  CloudFrontClient,
  ListDistributionsCommand,
  ListTagsForResourceCommand,
  paginateListDistributions,
} from "@aws-sdk/client-cloudfront";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import {
  ListHostedZonesCommand,
  ListTagsForResourcesCommand,
  paginateListHostedZones,
  Route53Client,
} from "@aws-sdk/client-route-53";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  type Creds,
  clientConfig,
  EXTERNAL_ID,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  scannerRole,
  startTestSandbox,
} from "./fixtures";
import { bulk, errorOf, narrowSession } from "./service-helpers";

const dist = "cloudfront:distribution";
const zone = "route53:hostedzone";
const READ = [
  "cloudfront:ListDistributions",
  "cloudfront:ListTagsForResource",
  "route53:ListHostedZones",
  "route53:ListTagsForResources",
  "tag:GetResources",
];
const distArn = (account: string, id: string) => `arn:aws:cloudfront::${account}:distribution/${id}`;

let sandbox: Sandbox;
let creds: Creds;
let cf: CloudFrontClient;
let r53: Route53Client;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(dist, "E2BULK", 130, "us-east-1"),
        { type: dist, region: "us-east-1", id: "E1PROD", tags: { Owner: "a@acme.io" } },
        // A seed may place a global resource anywhere: CloudFront still lists it, Tagging answers in us-east-1.
        {
          type: dist,
          region: "eu-west-1",
          id: "E1SCRATCH",
          tags: { Owner: "b@acme.io" },
          state: "InProgress",
        },
        ...bulk(zone, "Z2BULK", 120, "us-east-1"),
        {
          type: zone,
          region: "us-east-1",
          id: "Z1PROD",
          tags: { Owner: "a@acme.io" },
          attributes: { Name: "acme.io." },
        },
        { type: zone, region: "us-east-1", id: "Z1BARE", tags: {} },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [
        { type: dist, region: "us-east-1", id: "E9GLOBEX", tags: {} },
        { type: zone, region: "us-east-1", id: "Z9GLOBEX", tags: { Owner: "g@globex.io" } },
      ],
    }),
  ]);
  creds = await assume(sandbox);
  cf = new CloudFrontClient(clientConfig(sandbox, creds));
  r53 = new Route53Client(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("CloudFront ListDistributions", () => {
  it("walks 132 distributions with the paginator, 100 a page, NextMarker the last id of the page", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListDistributions({ client: cf }, {})) {
      pages += 1;
      ids.push(...(page.DistributionList?.Items ?? []).map((d) => d.Id ?? ""));
    }
    expect(pages).toBe(2);
    expect(ids).toHaveLength(132);
    expect(new Set(ids).size).toBe(132);
    const first = await cf.send(new ListDistributionsCommand({ MaxItems: 2 }));
    expect(first.DistributionList).toMatchObject({ IsTruncated: true, MaxItems: 2, Quantity: 2, Marker: "" });
    expect(first.DistributionList?.NextMarker).toBe(first.DistributionList?.Items?.[1]?.Id);
  });

  it("summarises a distribution with AWS's ARN (no region) and no tags", async () => {
    const out = await cf.send(new ListDistributionsCommand({ Marker: "E1PR", MaxItems: 2 }));
    const [prod, scratch] = out.DistributionList?.Items ?? [];
    expect(prod).toMatchObject({
      Id: "E1PROD",
      ARN: distArn(ACME, "E1PROD"),
      Status: "Deployed",
      Enabled: true,
    });
    expect(scratch).toMatchObject({ Id: "E1SCRATCH", Status: "InProgress" });
    expect(prod).not.toHaveProperty("Tags");
  });

  it("rejects a MaxItems that is not a positive integer", async () => {
    const error = await errorOf(cf.send(new ListDistributionsCommand({ MaxItems: 0 })));
    expect(error.name).toBe("InvalidArgument");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe("CloudFront ListTagsForResource", () => {
  it("answers a distribution's tags, none for an untagged one", async () => {
    const tagged = await cf.send(new ListTagsForResourceCommand({ Resource: distArn(ACME, "E1PROD") }));
    expect(tagged.Tags?.Items).toEqual([{ Key: "Owner", Value: "a@acme.io" }]);
    const bare = await cf.send(new ListTagsForResourceCommand({ Resource: distArn(ACME, "E2BULK-0000") }));
    expect(bare.Tags?.Items ?? []).toEqual([]);
  });

  it("answers NoSuchResource (404) for an unknown distribution, AccessDenied for another account's", async () => {
    const missing = await errorOf(
      cf.send(new ListTagsForResourceCommand({ Resource: distArn(ACME, "EGHOST") })),
    );
    expect(missing.name).toBe("NoSuchResource");
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const foreign = await errorOf(
      cf.send(new ListTagsForResourceCommand({ Resource: distArn(GLOBEX, "E9GLOBEX") })),
    );
    expect(foreign.name).toBe("AccessDenied");
    expect(foreign.$metadata.httpStatusCode).toBe(403);
    const malformed = await errorOf(
      cf.send(new ListTagsForResourceCommand({ Resource: "arn:aws:s3:::bucket" })),
    );
    expect(malformed.name).toBe("InvalidArgument");
  });
});

describe("Route 53 ListHostedZones", () => {
  it("walks 122 zones with the paginator, 100 a page, NextMarker the first id of the next page", async () => {
    const ids: string[] = [];
    for await (const page of paginateListHostedZones({ client: r53 }, {}))
      ids.push(...(page.HostedZones ?? []).map((z) => z.Id ?? ""));
    expect(ids).toHaveLength(122);
    expect(new Set(ids).size).toBe(122);
    const first = await r53.send(new ListHostedZonesCommand({ MaxItems: 1 }));
    expect(first).toMatchObject({ IsTruncated: true, MaxItems: 1 });
    const second = await r53.send(new ListHostedZonesCommand({ MaxItems: 1, Marker: first.NextMarker }));
    expect(second.HostedZones?.[0]?.Id).toBe(`/hostedzone/${first.NextMarker}`);
    expect(second.Marker).toBe(first.NextMarker);
  });

  it("answers a zone as /hostedzone/<id> with its name and config, more than 100 asked answered with 100", async () => {
    const out = await r53.send(new ListHostedZonesCommand({ Marker: "Z1BARE", MaxItems: 2 }));
    expect(out.HostedZones?.map((z) => z.Id)).toEqual(["/hostedzone/Z1BARE", "/hostedzone/Z1PROD"]);
    expect(out.HostedZones?.[1]).toMatchObject({ Name: "acme.io.", Config: { PrivateZone: false } });
    expect((await r53.send(new ListHostedZonesCommand({ MaxItems: 500 }))).HostedZones).toHaveLength(100);
  });
});

describe("Route 53 ListTagsForResources", () => {
  it("answers up to 10 zones' tags, an untagged zone with none", async () => {
    const out = await r53.send(
      new ListTagsForResourcesCommand({ ResourceType: "hostedzone", ResourceIds: ["Z1PROD", "Z1BARE"] }),
    );
    expect(out.ResourceTagSets).toEqual([
      { ResourceType: "hostedzone", ResourceId: "Z1PROD", Tags: [{ Key: "Owner", Value: "a@acme.io" }] },
      { ResourceType: "hostedzone", ResourceId: "Z1BARE", Tags: [] },
    ]);
  });

  it("rejects more than 10 ids, and answers NoSuchHostedZone (404) for an unknown or another account's zone", async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `Z2BULK-${String(i).padStart(4, "0")}`);
    const tooMany = await errorOf(
      r53.send(new ListTagsForResourcesCommand({ ResourceType: "hostedzone", ResourceIds: ids })),
    );
    expect(tooMany.name).toBe("InvalidInput");
    for (const id of ["ZGHOST", "Z9GLOBEX"]) {
      const error = await errorOf(
        r53.send(
          new ListTagsForResourcesCommand({ ResourceType: "hostedzone", ResourceIds: ["Z1PROD", id] }),
        ),
      );
      expect(error.name).toBe("NoSuchHostedZone");
      expect(error.$metadata.httpStatusCode).toBe(404);
    }
  });
});

describe("the Tagging API, isolation and permissions", () => {
  const taggedArns = async (region: string) => {
    const tagging = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, creds, region));
    const out = await tagging.send(
      new GetResourcesCommand({ ResourceTypeFilters: ["cloudfront", "route53"] }),
    );
    return (out.ResourceTagMappingList ?? []).map((m) => m.ResourceARN);
  };

  it("returns tagged distributions and zones from us-east-1 only, wherever they were seeded", async () => {
    const east = await taggedArns("us-east-1");
    expect(east).toContain(distArn(ACME, "E1SCRATCH"));
    expect(east).toContain("arn:aws:route53:::hostedzone/Z1PROD");
    expect(east).not.toContain("arn:aws:route53:::hostedzone/Z9GLOBEX");
    expect(await taggedArns("eu-west-1")).toEqual([]);
  });

  it("shows each account only its own distributions and zones", async () => {
    const globex = await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID);
    const gcf = new CloudFrontClient(clientConfig(sandbox, globex));
    const gr53 = new Route53Client(clientConfig(sandbox, globex));
    const list = await gcf.send(new ListDistributionsCommand({}));
    expect(list.DistributionList?.Items?.map((d) => d.ARN)).toEqual([distArn(GLOBEX, "E9GLOBEX")]);
    expect((await gr53.send(new ListHostedZonesCommand({}))).HostedZones?.map((z) => z.Id)).toEqual([
      "/hostedzone/Z9GLOBEX",
    ]);
  });

  it("denies an action the role's policy lacks, in each service's dialect", async () => {
    const narrow = await narrowSession(sandbox, ["cloudfront:ListDistributions", "route53:ListHostedZones"]);
    const ncf = new CloudFrontClient(clientConfig(sandbox, narrow));
    const nr53 = new Route53Client(clientConfig(sandbox, narrow));
    const cfError = await errorOf(
      ncf.send(new ListTagsForResourceCommand({ Resource: distArn(ACME, "E1PROD") })),
    );
    expect(cfError.name).toBe("AccessDenied");
    expect(cfError.message).toContain("cloudfront:ListTagsForResource");
    const r53Error = await errorOf(
      nr53.send(new ListTagsForResourcesCommand({ ResourceType: "hostedzone", ResourceIds: ["Z1PROD"] })),
    );
    expect(r53Error.name).toBe("AccessDenied");
    expect(r53Error.$metadata.httpStatusCode).toBe(403);
  });
});
