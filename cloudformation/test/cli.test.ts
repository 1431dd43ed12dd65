// `pnpm tagc publish-template`, run as the operator runs it (a child process), against moto's S3.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CreateBucketCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePublishArgs } from "../src/cli/publish-template";
import { UsageError } from "../src/cli/usage-error";
import { TEMPLATE_VERSION } from "../src/index";
import { MOTO_CREDENTIALS, type Moto, startMoto } from "./moto";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const ROLE_KEY = `templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml`;

let moto: Moto;
let s3: S3Client;

async function tagc(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("node_modules/.bin/tsx", ["src/cli/main.ts", ...args], {
      cwd: packageDir,
      // Only what the command needs: no real AWS credentials or endpoints can leak in.
      env: {
        PATH: process.env.PATH ?? "",
        AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL: moto.endpoint,
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    // execFile rejects with the exit status and both streams attached to the error.
    if (error instanceof Error && "code" in error && "stdout" in error && "stderr" in error) {
      return { code: Number(error.code), stdout: String(error.stdout), stderr: String(error.stderr) };
    }
    throw error;
  }
}

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({
    region: "eu-west-1",
    endpoint: moto.endpoint,
    credentials: MOTO_CREDENTIALS,
    forcePathStyle: true,
  });
  await s3.send(
    new CreateBucketCommand({
      Bucket: "tagc-cli",
      CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
    }),
  );
});

afterAll(async () => {
  await moto?.stop();
});

describe("tagc publish-template", () => {
  it("publishes to the bucket and prints the URLs and the server's TEMPLATE_URL line", async () => {
    const result = await tagc(["publish-template", "--bucket", "tagc-cli", "--region", "eu-west-1"], {
      PLATFORM_ACCOUNT_ID: "111122223333",
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const url = `https://tagc-cli.s3.eu-west-1.amazonaws.com/${ROLE_KEY}`;
    expect(result.stdout).toContain(`uploaded  role     ${url}\n`);
    expect(result.stdout).toContain(`\nTEMPLATE_URL=${url}\n`);
    expect(result.stdout).toContain(
      "\nPLATFORM_ACCOUNT_ID=111122223333\nSCANNER_ROLE_PATTERN=tagc-scanner-*\n",
    );
    const object = await s3.send(new GetObjectCommand({ Bucket: "tagc-cli", Key: ROLE_KEY }));
    expect(await object.Body?.transformToString()).toContain('Id: "111122223333"');

    const again = await tagc(["publish-template", "--bucket", "tagc-cli", "--region", "eu-west-1"], {
      PLATFORM_ACCOUNT_ID: "111122223333",
    });
    expect(again.stdout).toContain(`unchanged role     ${url}\n`);
  });

  it("refuses to overwrite a published version: exit 1, one line, no stack trace", async () => {
    const result = await tagc([
      "publish-template",
      "--bucket",
      "tagc-cli",
      "--region",
      "eu-west-1",
      "--platform-account-id",
      "999988887777",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tagc: TemplatePublishError: s3 object ${ROLE_KEY} already holds a different template; a published version is immutable, so bump TEMPLATE_VERSION (or publish under another prefix) instead of overwriting it\n`,
    );
  });

  it("answers a bad flag with exit 2, the flag named and no stack trace", async () => {
    const result = await tagc([
      "publish-template",
      "--bucket",
      "tagc-cli",
      "--region",
      "eu-west-1",
      "--acount",
      "1",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tagc: Unknown option '--acount'/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("parsePublishArgs", () => {
  const ok = ["--bucket", "tagc-templates", "--region", "eu-west-1", "--platform-account-id", "123456789012"];

  it("takes the flags, falling back to the environment and the default pattern", () => {
    expect(parsePublishArgs(ok, {})).toEqual({
      bucket: "tagc-templates",
      region: "eu-west-1",
      prefix: "templates/",
      operator: { platformAccountId: "123456789012", scannerRolePattern: "tagc-scanner-*" },
      endpoint: undefined,
    });
    const fromEnv = parsePublishArgs(ok.slice(0, 4), {
      PLATFORM_ACCOUNT_ID: "210987654321",
      SCANNER_ROLE_PATTERN: "ops-*",
    });
    expect(fromEnv.operator).toEqual({ platformAccountId: "210987654321", scannerRolePattern: "ops-*" });
    // A flag wins over the environment.
    expect(parsePublishArgs(ok, { PLATFORM_ACCOUNT_ID: "210987654321" }).operator.platformAccountId).toBe(
      "123456789012",
    );
  });

  it.each<[string, string[], string]>([
    ["no bucket", ok.slice(2), "--bucket is required"],
    ["a bucket with capitals", ["--bucket", "Tagc", ...ok.slice(2)], "--bucket must be an S3 bucket name"],
    ["no region", [...ok.slice(0, 2), ...ok.slice(4)], "--region is required"],
    [
      "a made-up region",
      [...ok.slice(0, 2), "--region", "europe", ...ok.slice(4)],
      "--region must be an AWS region",
    ],
    ["no account anywhere", ok.slice(0, 4), "--platform-account-id (or PLATFORM_ACCOUNT_ID) is required"],
    [
      "a short account",
      [...ok.slice(0, 5), "12345"],
      "--platform-account-id (or PLATFORM_ACCOUNT_ID) must be a 12-digit",
    ],
    [
      "a pattern with a slash",
      [...ok, "--scanner-role-pattern", "a/b"],
      "--scanner-role-pattern (or SCANNER_ROLE_PATTERN) must be a role-name glob",
    ],
    ["a positional argument", [...ok, "extra"], "Unexpected argument 'extra'"],
    ["a flag without its value", [...ok, "--prefix"], "Option '--prefix <value>' argument missing"],
  ])("refuses %s, naming the flag", (_label, args, message) => {
    const attempt = () => parsePublishArgs(args, {});
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });
});
