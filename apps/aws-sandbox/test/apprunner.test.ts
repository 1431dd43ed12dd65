import {
  AppRunnerClient,
  ListServicesCommand,
  ListTagsForResourceCommand,
  paginateListServices,
} from "@aws-sdk/client-apprunner";
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
let eu: AppRunnerClient;
let us: AppRunnerClient;

const SERVICE = "apprunner:service";
const READ = ["apprunner:ListServices", "apprunner:ListTagsForResource"];
const arnPattern = (account: string, name: string, region = "us-east-1") =>
  new RegExp(`^arn:aws:apprunner:${region}:${account}:service/${name}/[0-9a-f]{32}$`);

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(SERVICE, "web", 45),
        {
          type: SERVICE,
          region: "us-east-1",
          id: "api",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
        },
        { type: SERVICE, region: "us-east-1", id: "preview", tags: {}, state: "PAUSED" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: SERVICE, region: "us-east-1", id: "globex-web", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new AppRunnerClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new AppRunnerClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListServices", () => {
  it("answers every service at once without MaxResults, and pages 20 at most with it", async () => {
    expect((await eu.send(new ListServicesCommand({}))).ServiceSummaryList).toHaveLength(45);
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListServices({ client: eu, pageSize: 20 }, {})) {
      pages += 1;
      names.push(...(page.ServiceSummaryList ?? []).map((s) => s.ServiceName ?? ""));
    }
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(45);
    const error = await errorOf(eu.send(new ListServicesCommand({ MaxResults: 21 })));
    expect(error.name).toBe("ValidationException");
    expect((await errorOf(eu.send(new ListServicesCommand({ NextToken: "forged" })))).name).toBe(
      "InvalidRequestException",
    );
  });

  it("lists each service's ARN (name and service id), status and creation time", async () => {
    const out = await us.send(new ListServicesCommand({}));
    const [api, preview] = out.ServiceSummaryList ?? [];
    expect(api).toMatchObject({ ServiceName: "api", Status: "RUNNING" });
    expect(api?.ServiceArn).toMatch(arnPattern(ACME, "api"));
    expect(api?.ServiceArn?.endsWith(`/${api?.ServiceId}`)).toBe(true);
    expect(api?.CreatedAt).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(preview).toMatchObject({ ServiceName: "preview", Status: "PAUSED" });
  });
});

describe("ListTagsForResource", () => {
  it("lists a service's tags; none for an untagged one; ResourceNotFoundException for an unknown one", async () => {
    const [api, preview] = (await us.send(new ListServicesCommand({}))).ServiceSummaryList ?? [];
    expect((await us.send(new ListTagsForResourceCommand({ ResourceArn: api?.ServiceArn }))).Tags).toEqual([
      { Key: "Owner", Value: "a@acme.io" },
      { Key: "Environment", Value: "production" },
    ]);
    expect(
      (await us.send(new ListTagsForResourceCommand({ ResourceArn: preview?.ServiceArn }))).Tags,
    ).toEqual([]);
    const ghost = `arn:aws:apprunner:us-east-1:${ACME}:service/ghost/${"0".repeat(32)}`;
    const error = await errorOf(us.send(new ListTagsForResourceCommand({ ResourceArn: ghost })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own services and denies naming another account's", async () => {
    const globex = new AppRunnerClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    const out = await globex.send(new ListServicesCommand({}));
    expect(out.ServiceSummaryList?.map((s) => s.ServiceName)).toEqual(["globex-web"]);
    const [api] = (await us.send(new ListServicesCommand({}))).ServiceSummaryList ?? [];
    const error = await errorOf(
      globex.send(new ListTagsForResourceCommand({ ResourceArn: api?.ServiceArn })),
    );
    expect(error.name).toBe("AccessDeniedException");
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new AppRunnerClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["apprunner:ListServices"])),
    );
    const [api] = (await narrow.send(new ListServicesCommand({}))).ServiceSummaryList ?? [];
    const error = await errorOf(
      narrow.send(new ListTagsForResourceCommand({ ResourceArn: api?.ServiceArn })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("apprunner:ListTagsForResource");
  });
});
