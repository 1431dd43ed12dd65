// Prints the raw CloudFormation and S3 answers of the sandbox and of moto side by side for the
// same calls, so the emulated shapes can be checked against an independent emulator by eye:
//   moto_server -H 127.0.0.1 -p 45123 &   then
//   pnpm --filter @tagc/aws-sandbox exec tsx scripts/compare-moto.ts http://127.0.0.1:45123
// It is a manual check, not a test: moto differs from AWS in places too (see the README).
import { readFileSync } from "node:fs";
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startSandbox } from "../src";

const motoUrl = process.argv[2] ?? "http://127.0.0.1:45123";
const KEYS = {
  access_key_id: "AKIACOMPAREMOTO00001",
  secret_access_key: "compareMotoSecret000000000000000000000",
};
const sandbox = await startSandbox({
  seed: {
    control_plane: {
      account_id: "123456789012",
      arn: "arn:aws:iam::123456789012:role/tagc-scanner-x",
      ...KEYS,
    },
    accounts: [{ account_id: "123456789012", regions: ["us-east-1"] }],
  },
});
const template = readFileSync(
  new URL("../../../cloudformation/tag-compliance-role.yaml", import.meta.url),
  "utf8",
);
const credentials = { accessKeyId: KEYS.access_key_id, secretAccessKey: KEYS.secret_access_key };

async function run(label: string, endpoint: string) {
  const log: string[] = [];
  const cfn = new CloudFormationClient({ endpoint, region: "us-east-1", credentials });
  const s3 = new S3Client({ endpoint, region: "us-east-1", credentials, forcePathStyle: true });
  const attempt = async (name: string, call: () => Promise<unknown>) => {
    try {
      const out = await call();
      log.push(`${name}: ${JSON.stringify(out, (k, v) => (k === "$metadata" ? undefined : v))}`);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const meta = "$metadata" in e && typeof e.$metadata === "object" && e.$metadata ? e.$metadata : {};
      const status = "httpStatusCode" in meta ? String(meta.httpStatusCode) : "?";
      log.push(`${name}: ERROR ${status} ${e.name}: ${e.message}`);
    }
  };
  await attempt("CreateBucket", () => s3.send(new CreateBucketCommand({ Bucket: "compare-templates" })));
  await attempt("PutObject", () =>
    s3.send(new PutObjectCommand({ Bucket: "compare-templates", Key: "t.yaml", Body: template })),
  );
  await attempt("HeadObject", () =>
    s3.send(new HeadObjectCommand({ Bucket: "compare-templates", Key: "t.yaml" })),
  );
  await attempt("HeadObject missing", () =>
    s3.send(new HeadObjectCommand({ Bucket: "compare-templates", Key: "nope" })),
  );
  const url = "https://compare-templates.s3.us-east-1.amazonaws.com/t.yaml";
  const params = [
    { ParameterKey: "ExternalId", ParameterValue: "CompareExternalId0123456789abcdefABCD" },
    { ParameterKey: "RoleName", ParameterValue: "CompareRole" },
  ];
  await attempt("CreateStack no capability", () =>
    cfn.send(new CreateStackCommand({ StackName: "cmp", TemplateURL: url, Parameters: params })),
  );
  await attempt("CreateStack bad ExternalId", () =>
    cfn.send(
      new CreateStackCommand({
        StackName: "cmp",
        TemplateURL: url,
        Parameters: [{ ParameterKey: "ExternalId", ParameterValue: "bad-id" }],
        Capabilities: ["CAPABILITY_NAMED_IAM"],
      }),
    ),
  );
  await attempt("CreateStack http URL", () =>
    cfn.send(
      new CreateStackCommand({
        StackName: "cmp",
        TemplateURL: "http://example.com/t.yaml",
        Parameters: params,
      }),
    ),
  );
  await attempt("CreateStack", () =>
    cfn.send(
      new CreateStackCommand({
        StackName: "cmp",
        TemplateURL: url,
        Parameters: params,
        Capabilities: ["CAPABILITY_NAMED_IAM"],
      }),
    ),
  );
  await attempt("CreateStack again", () =>
    cfn.send(
      new CreateStackCommand({
        StackName: "cmp",
        TemplateURL: url,
        Parameters: params,
        Capabilities: ["CAPABILITY_NAMED_IAM"],
      }),
    ),
  );
  await attempt("DescribeStacks", () => cfn.send(new DescribeStacksCommand({ StackName: "cmp" })));
  await attempt("DeleteStack", () => cfn.send(new DeleteStackCommand({ StackName: "cmp" })));
  await attempt("DescribeStacks deleted", () => cfn.send(new DescribeStacksCommand({ StackName: "cmp" })));
  console.log(`\n===== ${label} =====\n${log.join("\n")}`);
}

await run("sandbox", sandbox.url);
await run("moto", motoUrl);
await sandbox.stop();
