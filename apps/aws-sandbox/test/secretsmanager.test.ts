import {
  ListSecretsCommand,
  paginateListSecrets,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
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
let eu: SecretsManagerClient;
let us: SecretsManagerClient;

const secret = "secretsmanager:secret";
const READ = ["secretsmanager:ListSecrets"];
/** AWS's shape: the name, a hyphen and six characters. */
const secretArn = (account: string, name: string, region = "us-east-1") =>
  new RegExp(`^arn:aws:secretsmanager:${region}:${account}:secret:${name}-[A-Za-z0-9]{6}$`);

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      roles: [scannerRole(EXTERNAL_ID, READ)],
      resources: [
        ...bulk(secret, "app-secret", 230),
        {
          type: secret,
          region: "us-east-1",
          id: "prod/db-password",
          created_at: "2026-01-05T10:00:00Z",
          tags: { Owner: "a@acme.io", Environment: "production" },
        },
        { type: secret, region: "us-east-1", id: "untagged-token", tags: {} },
        { type: secret, region: "us-east-1", id: "going-away", tags: {}, state: "scheduled-deletion" },
      ],
    }),
    globexAccount({
      roles: [scannerRole(GLOBEX_EXTERNAL_ID, READ)],
      resources: [{ type: secret, region: "us-east-1", id: "globex-key", tags: { Owner: "g@globex.io" } }],
    }),
  ]);
  const creds = await assume(sandbox);
  eu = new SecretsManagerClient(clientConfig(sandbox, creds, "eu-west-1"));
  us = new SecretsManagerClient(clientConfig(sandbox, creds));
});
afterAll(() => sandbox.stop());

describe("ListSecrets", () => {
  it("walks 230 secrets to the end with the paginator, 100 a page by default", async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListSecrets({ client: eu }, {})) {
      pages += 1;
      names.push(...(page.SecretList ?? []).map((s) => s.Name ?? ""));
    }
    expect(pages).toBe(3);
    expect(names).toHaveLength(230);
    expect(new Set(names).size).toBe(230);
  });

  it("returns tags inline, an untagged secret with none, and the ARN as AWS writes it", async () => {
    const out = await us.send(new ListSecretsCommand({}));
    expect(out.SecretList?.map((s) => s.Name).sort()).toEqual(["prod/db-password", "untagged-token"]);
    const db = out.SecretList?.find((s) => s.Name === "prod/db-password");
    expect(db?.ARN).toMatch(secretArn(ACME, "prod/db-password"));
    expect(db?.Tags).toEqual([
      { Key: "Owner", Value: "a@acme.io" },
      { Key: "Environment", Value: "production" },
    ]);
    expect(db?.CreatedDate).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(out.SecretList?.find((s) => s.Name === "untagged-token")?.Tags).toBeUndefined();
    // The ARN is stable: the same secret, the same suffix, call after call.
    const again = await us.send(new ListSecretsCommand({}));
    expect(again.SecretList?.find((s) => s.Name === "prod/db-password")?.ARN).toBe(db?.ARN);
  });

  it("includes a secret scheduled for deletion, with its DeletedDate, only when asked", async () => {
    const all = await us.send(new ListSecretsCommand({ IncludePlannedDeletion: true }));
    const going = all.SecretList?.find((s) => s.Name === "going-away");
    expect(going?.DeletedDate).toBeInstanceOf(Date);
    expect(all.SecretList).toHaveLength(3);
  });

  it("rejects MaxResults over 100 and a forged NextToken", async () => {
    const big = await errorOf(us.send(new ListSecretsCommand({ MaxResults: 101 })));
    expect(big.name).toBe("InvalidParameterException");
    const forged = await errorOf(us.send(new ListSecretsCommand({ NextToken: "forged" })));
    expect(forged.name).toBe("InvalidNextTokenException");
  });
});

describe("isolation and permissions", () => {
  it("shows each account only its own secrets", async () => {
    const globex = new SecretsManagerClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    const theirs = await globex.send(new ListSecretsCommand({}));
    expect(theirs.SecretList?.map((s) => s.Name)).toEqual(["globex-key"]);
    expect(theirs.SecretList?.[0]?.ARN).toMatch(secretArn(GLOBEX, "globex-key"));
    expect(JSON.stringify(await us.send(new ListSecretsCommand({})))).not.toContain(GLOBEX);
  });

  it("denies ListSecrets to a role without it", async () => {
    const narrow = new SecretsManagerClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["ec2:DescribeRegions"])),
    );
    const error = await errorOf(narrow.send(new ListSecretsCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("secretsmanager:ListSecrets");
  });
});
