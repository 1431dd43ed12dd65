import { parseArgs } from "node:util";
import { S3Client } from "@aws-sdk/client-s3";
import { TemplateParameterError } from "../errors";
import { checkOperator, DEFAULT_SCANNER_ROLE_PATTERN, type Operator } from "../operator";
import { DEFAULT_TEMPLATE_PREFIX, publishTemplates } from "../publish-templates";
import type { CliEnv } from "./env";
import { UsageError } from "./usage-error";

/** The environment the command reads, parsed once by main.ts. */

export interface PublishTemplateOptions {
  bucket: string;
  region: string;
  prefix: string;
  operator: Operator;
  endpoint: string | undefined;
}

// S3's bucket-name rules (3–63 lowercase letters, digits, dots, hyphens) and AWS region names.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
const FLAG_OF: Record<string, string> = {
  platformAccountId: "--platform-account-id (or PLATFORM_ACCOUNT_ID)",
  scannerRolePattern: "--scanner-role-pattern (or SCANNER_ROLE_PATTERN)",
};

export function parsePublishArgs(args: string[], env: CliEnv): PublishTemplateOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        bucket: { type: "string" },
        region: { type: "string" },
        prefix: { type: "string" },
        "platform-account-id": { type: "string" },
        "scanner-role-pattern": { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const text = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  const bucket = text("bucket");
  const region = text("region");
  if (bucket === undefined) throw new UsageError("--bucket is required");
  if (!BUCKET.test(bucket)) throw new UsageError("--bucket must be an S3 bucket name (3-63 of a-z 0-9 . -)");
  if (region === undefined) throw new UsageError("--region is required (the bucket's region)");
  if (!REGION.test(region)) throw new UsageError("--region must be an AWS region name such as eu-west-1");
  const platformAccountId = text("platform-account-id") ?? env.PLATFORM_ACCOUNT_ID;
  if (platformAccountId === undefined) {
    throw new UsageError(
      "--platform-account-id (or PLATFORM_ACCOUNT_ID) is required: the account the scanner runs in",
    );
  }
  const scannerRolePattern =
    text("scanner-role-pattern") ?? env.SCANNER_ROLE_PATTERN ?? DEFAULT_SCANNER_ROLE_PATTERN;
  let operator: Operator;
  try {
    operator = checkOperator({ platformAccountId, scannerRolePattern });
  } catch (error) {
    if (!(error instanceof TemplateParameterError)) throw error;
    throw new UsageError(
      `${FLAG_OF[error.parameter] ?? error.parameter} ${error.message.split(": ").slice(1).join(": ")}`,
    );
  }
  const prefix = text("prefix") ?? DEFAULT_TEMPLATE_PREFIX;
  return { bucket, region, prefix, operator, endpoint: env.AWS_ENDPOINT_URL };
}

/** Publishes the templates and returns the lines to print: the URLs, then the server's env. */
export async function publishTemplateCommand(options: PublishTemplateOptions): Promise<string[]> {
  const s3 = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
  });
  try {
    const published = await publishTemplates({ s3, ...options });
    const role = published.find((template) => template.kind === "role");
    return [
      ...published.map(
        (template) => `${template.status.padEnd(9)} ${template.kind.padEnd(8)} ${template.url}`,
      ),
      "",
      "Set in the server's environment:",
      `TEMPLATE_URL=${role?.url ?? ""}`,
      `PLATFORM_ACCOUNT_ID=${options.operator.platformAccountId}`,
      `SCANNER_ROLE_PATTERN=${options.operator.scannerRolePattern}`,
    ];
  } finally {
    s3.destroy();
  }
}
