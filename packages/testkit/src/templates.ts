// The operator's templates, published to the sandbox's S3 with the product's own publishTemplates, the
// way an operator publishes them to AWS (`pnpm tagc publish-template`): the quick-create links of every
// world point there, and the sandbox's CreateStack reads the role template from there (CloudFormation
// accepts only S3 template URLs).
import { CreateBucketCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import {
  DEFAULT_SCANNER_ROLE_PATTERN,
  publishTemplates,
  s3TemplateUrl,
  TEMPLATE_VERSION,
} from "@tagc/cloudformation";
import { CONTROL_PLANE, type Principal } from "./constants";

const REGION = "us-east-1";
const TEST_BUCKET = "tagc-templates-test";

/** The role template's URL in a bucket, as publishTemplates names it. */
export const sandboxTemplateUrl = (bucket: string) =>
  s3TemplateUrl({ bucket, region: REGION, key: `templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml` });

/** Where every test world's role template lives: the URL the servers under test put in their links. */
export const SANDBOX_TEMPLATE_URL = sandboxTemplateUrl(TEST_BUCKET);

export interface PublishOptions {
  /** The bucket; the test worlds' by default. */
  bucket?: string;
  /** The operator identity: owns the bucket, and the templates' trust names its account. */
  as?: Principal;
}

/** Publishes the templates as the operator to the sandbox at `endpoint`; returns the role's URL. */
export async function publishSandboxTemplate(endpoint: string, options: PublishOptions = {}) {
  const { bucket = TEST_BUCKET, as = CONTROL_PLANE } = options;
  const s3 = new S3Client({
    endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: as.access_key_id, secretAccessKey: as.secret_access_key },
  });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: unknown) => {
      if (!(error instanceof S3ServiceException && error.name === "BucketAlreadyOwnedByYou")) throw error;
    });
    const published = await publishTemplates({
      s3,
      bucket,
      region: REGION,
      operator: { platformAccountId: as.account_id, scannerRolePattern: DEFAULT_SCANNER_ROLE_PATTERN },
    });
    const role = published.find((template) => template.kind === "role");
    if (role?.url !== sandboxTemplateUrl(bucket)) {
      throw new Error(
        `publishTemplates named the role template ${role?.url}, not ${sandboxTemplateUrl(bucket)}`,
      );
    }
    return role.url;
  } finally {
    s3.destroy();
  }
}
