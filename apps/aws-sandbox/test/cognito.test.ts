import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  paginateListIdentityPools,
} from "@aws-sdk/client-cognito-identity";
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  paginateListUserPools,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceSeed, Sandbox } from "../src";
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
let idpEu: CognitoIdentityProviderClient;
let idpUs: CognitoIdentityProviderClient;
let identityEu: CognitoIdentityClient;
let identityUs: CognitoIdentityClient;

const USER_POOL = "cognito-idp:userpool";
const IDENTITY_POOL = "cognito-identity:identitypool";
const READ = [
  "cognito-idp:ListUserPools",
  "cognito-idp:DescribeUserPool",
  "cognito-identity:ListIdentityPools",
  "cognito-identity:DescribeIdentityPool",
];
const uuid = (n: number) => `0000${String(n).padStart(4, "0")}-1111-2222-3333-444455556666`;
const many = (type: string, count: number, id: (i: number) => string): ResourceSeed[] =>
  Array.from({ length: count }, (_, i) => ({
    type,
    region: "eu-west-1",
    id: id(i),
    tags: {},
    attributes: {},
  }));

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...many(USER_POOL, 130, (i) => `eu-west-1_Pool${String(i).padStart(4, "0")}`),
        ...many(IDENTITY_POOL, 70, (i) => `eu-west-1:${uuid(i)}`),
        {
          type: USER_POOL,
          region: "us-east-1",
          id: "us-east-1_Customers1",
          created_at: "2026-02-01T00:00:00Z",
          tags: { Owner: "a@acme.io" },
          attributes: { Name: "customers" },
        },
        { type: USER_POOL, region: "us-east-1", id: "us-east-1_Bare00001", tags: {} },
        {
          type: IDENTITY_POOL,
          region: "us-east-1",
          id: `us-east-1:${uuid(9000)}`,
          tags: { Owner: "a@acme.io" },
          attributes: { IdentityPoolName: "mobile" },
        },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [
        { type: USER_POOL, region: "us-east-1", id: "us-east-1_Globex001", tags: {} },
        { type: IDENTITY_POOL, region: "us-east-1", id: `us-east-1:${uuid(9100)}`, tags: {} },
      ],
    }),
  ]);
  const creds = await assume(sandbox);
  idpEu = new CognitoIdentityProviderClient(clientConfig(sandbox, creds, "eu-west-1"));
  idpUs = new CognitoIdentityProviderClient(clientConfig(sandbox, creds));
  identityEu = new CognitoIdentityClient(clientConfig(sandbox, creds, "eu-west-1"));
  identityUs = new CognitoIdentityClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListUserPools", () => {
  it("walks 130 pools at 60 a page, descriptions without tags", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListUserPools({ client: idpEu }, { MaxResults: 60 })) {
      pages += 1;
      ids.push(...(page.UserPools ?? []).map((p) => p.Id!));
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(130);
    const out = await idpUs.send(new ListUserPoolsCommand({ MaxResults: 10 }));
    expect(out.UserPools?.map((p) => p.Id)).toEqual(["us-east-1_Bare00001", "us-east-1_Customers1"]);
    expect(out.UserPools?.[1]).toMatchObject({ Name: "customers", LambdaConfig: {} });
    expect(out.UserPools?.[1]?.CreationDate).toEqual(new Date("2026-02-01T00:00:00Z"));
    expect(out.UserPools?.[1]).not.toHaveProperty("UserPoolTags");
    expect(out.NextToken).toBeUndefined();
  });

  it("requires MaxResults between 1 and 60 and rejects a forged token (InvalidParameterException)", async () => {
    for (const input of [{}, { MaxResults: 61 }, { MaxResults: 0 }, { MaxResults: 5, NextToken: "forged" }]) {
      const error = await errorOf(idpUs.send(new ListUserPoolsCommand(input as { MaxResults: number })));
      expect(error.name).toBe("InvalidParameterException");
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
    const missing = await errorOf(idpUs.send(new ListUserPoolsCommand({} as { MaxResults: number })));
    expect(missing.message).toContain(
      "at 'maxResults' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe("DescribeUserPool", () => {
  it("answers the pool's ARN and UserPoolTags, an untagged pool's as {}", async () => {
    const out = await idpUs.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Customers1" }));
    expect(out.UserPool).toMatchObject({
      Id: "us-east-1_Customers1",
      Name: "customers",
      Arn: `arn:aws:cognito-idp:us-east-1:${ACME}:userpool/us-east-1_Customers1`,
      UserPoolTags: { Owner: "a@acme.io" },
    });
    const bare = await idpUs.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Bare00001" }));
    expect(bare.UserPool?.UserPoolTags).toEqual({});
  });

  it("answers ResourceNotFoundException for an unknown pool or one in another region, InvalidParameter for a malformed id", async () => {
    for (const id of ["us-east-1_Ghost0001", "eu-west-1_Pool0001"]) {
      const error = await errorOf(idpUs.send(new DescribeUserPoolCommand({ UserPoolId: id })));
      expect(error.name).toBe("ResourceNotFoundException");
      expect(error.message).toBe(`User pool ${id} does not exist.`);
    }
    const bad = await errorOf(idpUs.send(new DescribeUserPoolCommand({ UserPoolId: "no underscore" })));
    expect(bad.name).toBe("InvalidParameterException");
  });
});

describe("ListIdentityPools and DescribeIdentityPool", () => {
  it("walks 70 pools at 60 a page (ids and names only); describing one answers its IdentityPoolTags", async () => {
    let pages = 0;
    const ids: string[] = [];
    for await (const page of paginateListIdentityPools({ client: identityEu }, { MaxResults: 60 })) {
      pages += 1;
      ids.push(...(page.IdentityPools ?? []).map((p) => p.IdentityPoolId!));
    }
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(70);
    const listed = await identityUs.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(listed.IdentityPools).toEqual([
      { IdentityPoolId: `us-east-1:${uuid(9000)}`, IdentityPoolName: "mobile" },
    ]);
    const out = await identityUs.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: `us-east-1:${uuid(9000)}` }),
    );
    expect(out).toMatchObject({
      IdentityPoolName: "mobile",
      AllowUnauthenticatedIdentities: false,
      IdentityPoolTags: { Owner: "a@acme.io" },
    });
  });

  it("requires MaxResults 1-60, and answers ResourceNotFoundException for an unknown pool", async () => {
    for (const input of [{}, { MaxResults: 61 }, { MaxResults: 10, NextToken: "forged" }]) {
      const error = await errorOf(
        identityUs.send(new ListIdentityPoolsCommand(input as { MaxResults: number })),
      );
      expect(error.name).toBe("InvalidParameterException");
    }
    const id = `us-east-1:${uuid(1)}`;
    const error = await errorOf(identityUs.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.message).toBe(`IdentityPool '${id}' not found.`);
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own pools", async () => {
    const creds = await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID);
    const idp = new CognitoIdentityProviderClient(clientConfig(sandbox, creds));
    const identity = new CognitoIdentityClient(clientConfig(sandbox, creds));
    const pools = await idp.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(pools.UserPools?.map((p) => p.Id)).toEqual(["us-east-1_Globex001"]);
    const described = await idp.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Globex001" }));
    expect(described.UserPool?.Arn).toContain(GLOBEX);
    expect(
      (await errorOf(idp.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Customers1" })))).name,
    ).toBe("ResourceNotFoundException");
    const identities = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(identities.IdentityPools?.map((p) => p.IdentityPoolId)).toEqual([`us-east-1:${uuid(9100)}`]);
  });

  it("denies the describe calls to a role that may only list", async () => {
    const creds = await narrowSession(sandbox, [
      "cognito-idp:ListUserPools",
      "cognito-identity:ListIdentityPools",
    ]);
    const idp = new CognitoIdentityProviderClient(clientConfig(sandbox, creds));
    expect((await idp.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toHaveLength(2);
    const denied = await errorOf(
      idp.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Customers1" })),
    );
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toContain("cognito-idp:DescribeUserPool");
    const identity = new CognitoIdentityClient(clientConfig(sandbox, creds));
    const also = await errorOf(
      identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: `us-east-1:${uuid(9000)}` })),
    );
    expect(also.name).toBe("AccessDeniedException");
  });
});
