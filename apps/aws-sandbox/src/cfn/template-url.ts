// Reading a TemplateURL. CloudFormation accepts only S3 https URLs (virtual-hosted regional,
// virtual-hosted global, path style) and reads the object with the caller's permissions; the
// sandbox reads it from its own S3, in whichever account owns the bucket (template buckets are
// published for any account to read). Anything else answers CloudFormation's ValidationError.
import { AwsError } from "../errors";
import { callerMay } from "../iam/caller";
import type { OpContext } from "../protocol/operation";
import { URL_BODY_LIMIT } from "./template";

const BUCKET = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
const SUFFIX = "amazonaws\\.com(?:\\.cn)?";
const VIRTUAL_REGIONAL = new RegExp(`^(${BUCKET})\\.s3[.-]${REGION}\\.${SUFFIX}$`);
const VIRTUAL_GLOBAL = new RegExp(`^(${BUCKET})\\.s3\\.${SUFFIX}$`);
const PATH_STYLE = new RegExp(`^s3(?:[.-]${REGION})?\\.${SUFFIX}$`);

export interface S3Location {
  bucket: string;
  key: string;
}

/** The bucket and key an S3 https URL names, or undefined for any other URL. */
export function parseS3Url(url: string): S3Location | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" || parsed.port || parsed.username) return undefined;
  const path = decodeURIComponent(parsed.pathname.slice(1));
  const virtual = VIRTUAL_REGIONAL.exec(parsed.hostname)?.[1] ?? VIRTUAL_GLOBAL.exec(parsed.hostname)?.[1];
  if (virtual) return path ? { bucket: virtual, key: path } : undefined;
  if (!PATH_STYLE.test(parsed.hostname)) return undefined;
  const slash = path.indexOf("/");
  return slash > 0 && slash < path.length - 1
    ? { bucket: path.slice(0, slash), key: path.slice(slash + 1) }
    : undefined;
}

const unreadable = () =>
  new AwsError(
    "ValidationError",
    "TemplateURL must reference a valid S3 object to which you have access.",
    400,
  );

export function readTemplateUrl(ctx: OpContext, url: string): string {
  const location = parseS3Url(url);
  if (!location) throw new AwsError("ValidationError", "TemplateURL must be a supported URL.", 400);
  const arn = `arn:aws:s3:::${location.bucket}/${location.key}`;
  if (!callerMay(ctx.world, ctx.identity, "s3:GetObject", arn)) throw unreadable();
  const object = ctx.world.objects.get(location.bucket)?.get(location.key);
  if (!object) throw unreadable();
  if (object.body.length > URL_BODY_LIMIT) {
    throw new AwsError("ValidationError", "Template may not exceed 1000000 bytes in size.", 400);
  }
  return object.body.toString("utf8");
}
