import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
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
import { bulk, errorOf, narrowSession } from "./service-helpers";

let sandbox: Sandbox;
let eu: ElasticLoadBalancingV2Client;
let us: ElasticLoadBalancingV2Client;
let globex: ElasticLoadBalancingV2Client;

const LB = "elasticloadbalancing:loadbalancer";
const TG = "elasticloadbalancing:targetgroup";
const LB_ARN = new RegExp(
  `^arn:aws:elasticloadbalancing:us-east-1:${ACME}:loadbalancer/app/web/[0-9a-f]{16}$`,
);
const TG_ARN = new RegExp(`^arn:aws:elasticloadbalancing:us-east-1:${ACME}:targetgroup/web-tg/[0-9a-f]{16}$`);

beforeAll(async () => {
  const base = acmeAccount();
  sandbox = await startTestSandbox([
    acmeAccount({
      resources: [
        ...(base.resources ?? []),
        ...bulk(LB, "alb", 450),
        ...bulk(TG, "tg", 25),
        {
          type: LB,
          region: "us-east-1",
          id: "web",
          state: "active",
          created_at: "2026-02-01T09:00:00Z",
          tags: { Owner: "a@acme.io", Env: "" },
          attributes: { Scheme: "internal" },
        },
        { type: LB, region: "us-east-1", id: "edge", tags: {}, attributes: { Type: "network" } },
        { type: LB, region: "us-east-1", id: "old", tags: {}, attributes: { Type: "classic" } },
        {
          type: TG,
          region: "us-east-1",
          id: "web-tg",
          tags: { Owner: "a@acme.io" },
          attributes: { LoadBalancerNames: ["web"], Port: 8080 },
        },
        { type: TG, region: "us-east-1", id: "spare-tg", tags: {}, attributes: {} },
      ],
    }),
    globexAccount({
      resources: [
        { type: LB, region: "us-east-1", id: "globex-lb", tags: { Owner: "g@globex.io" }, attributes: {} },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new ElasticLoadBalancingV2Client(clientConfig(sandbox, creds, "eu-west-1"));
  us = new ElasticLoadBalancingV2Client(clientConfig(sandbox, creds, "us-east-1"));
  globex = new ElasticLoadBalancingV2Client(
    clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID), "us-east-1"),
  );
});
afterAll(() => sandbox.stop());

describe("DescribeLoadBalancers", () => {
  it("walks 450 load balancers with the paginator, 400 a page by default, each once", async () => {
    const first = await eu.send(new DescribeLoadBalancersCommand({}));
    expect(first.LoadBalancers).toHaveLength(400);
    expect(first.NextMarker).toBeTruthy();
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeLoadBalancers({ client: eu }, { PageSize: 100 })) {
      pages += 1;
      for (const lb of page.LoadBalancers ?? []) names.push(lb.LoadBalancerName!);
    }
    expect(pages).toBe(5);
    expect(new Set(names).size).toBe(450);
  });

  it("describes application and network balancers with ARNs in AWS's shape, not classic ones", async () => {
    const out = await us.send(new DescribeLoadBalancersCommand({}));
    expect(out.LoadBalancers?.map((lb) => lb.LoadBalancerName)).toEqual(["edge", "web"]);
    const web = out.LoadBalancers!.find((lb) => lb.LoadBalancerName === "web")!;
    expect(web.LoadBalancerArn).toMatch(LB_ARN);
    expect(web).toMatchObject({ Type: "application", Scheme: "internal", State: { Code: "active" } });
    expect(web.CreatedTime).toEqual(new Date("2026-02-01T09:00:00Z"));
    expect(out.LoadBalancers!.find((lb) => lb.LoadBalancerName === "edge")?.LoadBalancerArn).toMatch(
      /:loadbalancer\/net\/edge\/[0-9a-f]{16}$/,
    );
  });

  it("narrows by name and fails LoadBalancerNotFound for an unknown one", async () => {
    const one = await us.send(new DescribeLoadBalancersCommand({ Names: ["web"] }));
    expect(one.LoadBalancers?.map((lb) => lb.LoadBalancerName)).toEqual(["web"]);
    const error = await errorOf(us.send(new DescribeLoadBalancersCommand({ Names: ["web", "nope"] })));
    expect(error.name).toBe("LoadBalancerNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it.each([0, 401])("rejects PageSize %i with ValidationError", async (size) => {
    const error = await errorOf(eu.send(new DescribeLoadBalancersCommand({ PageSize: size })));
    expect(error.name).toBe("ValidationError");
  });

  it("rejects a forged Marker", async () => {
    const error = await errorOf(eu.send(new DescribeLoadBalancersCommand({ Marker: "forged" })));
    expect(error.name).toBe("ValidationError");
  });
});

describe("DescribeTargetGroups", () => {
  it("pages target groups and names the balancers each one serves", async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeTargetGroups({ client: eu }, { PageSize: 10 })) {
      expect(page.TargetGroups!.length).toBeLessThanOrEqual(10);
      for (const tg of page.TargetGroups ?? []) names.push(tg.TargetGroupName!);
    }
    expect(new Set(names).size).toBe(25);
    const out = await us.send(new DescribeTargetGroupsCommand({}));
    const web = out.TargetGroups!.find((tg) => tg.TargetGroupName === "web-tg")!;
    expect(web.TargetGroupArn).toMatch(TG_ARN);
    expect(web.Port).toBe(8080);
    expect(web.LoadBalancerArns?.[0]).toMatch(LB_ARN);
  });

  it("filters by load balancer, and fails TargetGroupNotFound for an unknown name", async () => {
    const [web] = (await us.send(new DescribeLoadBalancersCommand({ Names: ["web"] }))).LoadBalancers!;
    const served = await us.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: web!.LoadBalancerArn }));
    expect(served.TargetGroups?.map((tg) => tg.TargetGroupName)).toEqual(["web-tg"]);
    const error = await errorOf(us.send(new DescribeTargetGroupsCommand({ Names: ["nope"] })));
    expect(error.name).toBe("TargetGroupNotFoundException");
  });
});

describe("DescribeTags", () => {
  it("reads the tags of balancers and target groups, empty for untagged ones", async () => {
    const lbs = (await us.send(new DescribeLoadBalancersCommand({}))).LoadBalancers!;
    const tgs = (await us.send(new DescribeTargetGroupsCommand({}))).TargetGroups!;
    const arns = [...lbs.map((lb) => lb.LoadBalancerArn!), ...tgs.map((tg) => tg.TargetGroupArn!)];
    const out = await us.send(new DescribeTagsCommand({ ResourceArns: arns }));
    const byArn = new Map(out.TagDescriptions?.map((d) => [d.ResourceArn, d.Tags ?? []]));
    const web = lbs.find((lb) => lb.LoadBalancerName === "web")!;
    const edge = lbs.find((lb) => lb.LoadBalancerName === "edge")!;
    const webTg = tgs.find((tg) => tg.TargetGroupName === "web-tg")!;
    expect(byArn.get(web.LoadBalancerArn)).toEqual([
      { Key: "Owner", Value: "a@acme.io" },
      { Key: "Env", Value: "" },
    ]);
    expect(byArn.get(edge.LoadBalancerArn)).toEqual([]);
    expect(byArn.get(webTg.TargetGroupArn)).toEqual([{ Key: "Owner", Value: "a@acme.io" }]);
  });

  it("refuses more than 20 ARNs and an unknown one", async () => {
    const lbs = (await eu.send(new DescribeLoadBalancersCommand({ PageSize: 21 }))).LoadBalancers!;
    const tooMany = await errorOf(
      eu.send(new DescribeTagsCommand({ ResourceArns: lbs.map((lb) => lb.LoadBalancerArn!) })),
    );
    expect(tooMany.name).toBe("ValidationError");
    const unknown = await errorOf(
      us.send(
        new DescribeTagsCommand({
          ResourceArns: [
            `arn:aws:elasticloadbalancing:us-east-1:${ACME}:loadbalancer/app/nope/0123456789abcdef`,
          ],
        }),
      ),
    );
    expect(unknown.name).toBe("LoadBalancerNotFoundException");
  });
});

describe("isolation and IAM", () => {
  it("shows each account only its own balancers; another account's ARN is denied", async () => {
    const mine = await globex.send(new DescribeLoadBalancersCommand({}));
    expect(mine.LoadBalancers?.map((lb) => lb.LoadBalancerName)).toEqual(["globex-lb"]);
    const [web] = (await us.send(new DescribeLoadBalancersCommand({ Names: ["web"] }))).LoadBalancers!;
    const error = await errorOf(
      globex.send(new DescribeTagsCommand({ ResourceArns: [web!.LoadBalancerArn!] })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("denies DescribeLoadBalancers to a role without the action", async () => {
    const creds = await narrowSession(sandbox, ["elasticloadbalancing:DescribeTags"]);
    const narrow = new ElasticLoadBalancingV2Client(clientConfig(sandbox, creds, "us-east-1"));
    const error = await errorOf(narrow.send(new DescribeLoadBalancersCommand({})));
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toContain("elasticloadbalancing:DescribeLoadBalancers");
  });
});
