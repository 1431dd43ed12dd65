// The operator's template, published to the sandbox's S3 the way an operator publishes it to AWS:
// the quick-create links of every world point here, and the sandbox's CreateStack reads it from here
// (CloudFormation accepts only S3 template URLs).
import { readFile } from "node:fs/promises";
import { CreateBucketCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { parseS3TemplateUrl, TEMPLATE_VERSION, templatePath } from "@tagc/cloudformation";
import { CONTROL_PLANE, type Principal } from "./constants";

/** Where every test world's template lives: the URL the servers under test put in their links. */
export const SANDBOX_TEMPLATE_URL = `https://tagc-templates-test.s3.us-east-1.amazonaws.com/tag-compliance-role-${TEMPLATE_VERSION}.yaml`;

export interface PublishOptions {
  /** Where to publish; the test worlds' URL by default. */
  url?: string;
  /** The operator identity that owns the bucket; the suites' control plane by default. */
  as?: Principal;
}

/** Uploads the role template as the operator to the sandbox at `endpoint`; idempotent. */
export async function publishSandboxTemplate(endpoint: string, options: PublishOptions = {}) {
  const { url = SANDBOX_TEMPLATE_URL, as = CONTROL_PLANE } = options;
  const location = parseS3TemplateUrl(url);
  if (!location) throw new Error(`not an S3 template URL: ${url}`);
  const s3 = new S3Client({
    endpoint,
    region: location.region ?? "us-east-1",
    forcePathStyle: true,
    credentials: {
      accessKeyId: as.access_key_id,
      secretAccessKey: as.secret_access_key,
    },
  });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: location.bucket })).catch((error: unknown) => {
      if (!(error instanceof S3ServiceException && error.name === "BucketAlreadyOwnedByYou")) throw error;
    });
    await s3.send(
      new PutObjectCommand({
        Bucket: location.bucket,
        Key: location.key,
        Body: await readFile(templatePath, "utf8"),
        ContentType: "application/x-yaml",
      }),
    );
  } finally {
    s3.destroy();
  }
  return url;
}
