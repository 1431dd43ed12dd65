import { APIGatewayClient, GetRestApisCommand, paginateGetRestApis } from "@aws-sdk/client-api-gateway";
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
import { assumeRole, bulk, errorOf } from "./service-helpers";

let sandbox: Sandbox;
let eu: APIGatewayClient;
let us: APIGatewayClient;

const REST_API = "apigateway:restapi";

/** A role allowed apigateway:GET on `resources` only, as the product's template scopes it. */
function scopedRole(name: string, resources: string[]) {
  const base = scannerRole(EXTERNAL_ID, []);
  return {
    ...base,
    name,
    permissions_policy: {
      Version: "2012-10-17" as const,
      Statement: [{ Effect: "Allow" as const, Action: ["apigateway:GET"], Resource: resources }],
    },
  };
}

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, ["apigateway:GET"])],
      resources: [
        ...bulk(REST_API, "api", 60),
        {
          type: REST_API,
          region: "us-east-1",
          id: "a1b2c3d4e5",
          created_at: "2026-03-01T12:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { name: "orders" },
        },
        { type: REST_API, region: "us-east-1", id: "z9y8x7w6v5", tags: {} },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, ["apigateway:GET"])],
      resources: [{ type: REST_API, region: "us-east-1", id: "g1g1g1g1g1", tags: {} }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new APIGatewayClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new APIGatewayClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("GetRestApis", () => {
  it("pages 25 by default and up to 500 by limit, following position", async () => {
    const first = await eu.send(new GetRestApisCommand({}));
    expect(first.items).toHaveLength(25);
    expect(first.position).toBeDefined();
    let pages = 0;
    const ids: string[] = [];
    for await (const page of paginateGetRestApis({ client: eu, pageSize: 20 }, {})) {
      pages += 1;
      ids.push(...(page.items ?? []).map((a) => a.id!));
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(60);
    expect((await eu.send(new GetRestApisCommand({ limit: 500 }))).items).toHaveLength(60);
  });

  it("carries each API's tags inline; an untagged API has no tags member", async () => {
    const out = await us.send(new GetRestApisCommand({ limit: 500 }));
    expect(out.items?.map((a) => a.id)).toEqual(["a1b2c3d4e5", "z9y8x7w6v5"]);
    expect(out.items?.[0]).toMatchObject({ id: "a1b2c3d4e5", name: "orders", tags: { Owner: "a@acme.io" } });
    expect(out.items?.[0]?.createdDate).toEqual(new Date("2026-03-01T12:00:00Z"));
    expect(out.items?.[1]?.tags).toBeUndefined();
    expect(out.position).toBeUndefined();
  });

  it("rejects a limit over 500 and a forged position with BadRequestException", async () => {
    for (const input of [{ limit: 501 }, { limit: 0 }, { position: "forged" }]) {
      const error = await errorOf(us.send(new GetRestApisCommand(input)));
      expect(error.name).toBe("BadRequestException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });
});

describe("isolation and IAM", () => {
  it("shows each account only its own APIs", async () => {
    const globex = new APIGatewayClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    const out = await globex.send(new GetRestApisCommand({}));
    expect(out.items?.map((a) => a.id)).toEqual(["g1g1g1g1g1"]);
    expect(JSON.stringify(out.items)).not.toContain(ACME);
  });

  it("authorizes apigateway:GET on arn:aws:apigateway:<region>::/restapis, so a policy can scope it", async () => {
    sandbox.putRole(ACME, scopedRole("RestApisOnly", ["arn:aws:apigateway:*::/restapis"]));
    const scoped = new APIGatewayClient(clientConfig(sandbox, await assumeRole(sandbox, "RestApisOnly")));
    expect((await scoped.send(new GetRestApisCommand({}))).items).toHaveLength(2);
    sandbox.putRole(ACME, scopedRole("ApiKeysOnly", ["arn:aws:apigateway:*::/apikeys"]));
    const other = new APIGatewayClient(clientConfig(sandbox, await assumeRole(sandbox, "ApiKeysOnly")));
    const error = await errorOf(other.send(new GetRestApisCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain("apigateway:GET on resource: arn:aws:apigateway:us-east-1::/restapis");
  });
});
