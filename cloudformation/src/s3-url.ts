// Where a quick-create link may point. CloudFormation reads a TemplateURL only from an S3 bucket
// (or a Systems Manager document) and only over https ("The location for an Amazon S3 bucket must
// start with https://"); S3 static-website URLs and any other host are refused. The three S3 forms
// below are the ones S3 itself serves: virtual-hosted regional, virtual-hosted global (legacy
// us-east-1), and path style.

export interface S3ObjectLocation {
  bucket: string;
  key: string;
  /** Absent for the global endpoint (bucket.s3.amazonaws.com), which S3 routes to the bucket's region. */
  region: string | undefined;
}

// Bucket names: 3–63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric.
const BUCKET = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
const SUFFIX = "amazonaws\\.com(?:\\.cn)?";
const VIRTUAL_REGIONAL = new RegExp(`^(${BUCKET})\\.s3[.-](${REGION})\\.${SUFFIX}$`);
const VIRTUAL_GLOBAL = new RegExp(`^(${BUCKET})\\.s3\\.${SUFFIX}$`);
const PATH_STYLE = new RegExp(`^s3(?:[.-](${REGION}))?\\.${SUFFIX}$`);

/** The bucket, key and region an S3 https URL names, or undefined for anything else. */
export function parseS3TemplateUrl(url: string): S3ObjectLocation | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password || parsed.port) return undefined;
  const path = decodeURIComponent(parsed.pathname.slice(1));
  const host = parsed.hostname;
  const regional = VIRTUAL_REGIONAL.exec(host);
  if (regional?.[1] && path) return { bucket: regional[1], key: path, region: regional[2] };
  const global = VIRTUAL_GLOBAL.exec(host);
  if (global?.[1] && path) return { bucket: global[1], key: path, region: undefined };
  const pathStyle = PATH_STYLE.exec(host);
  if (pathStyle) {
    const slash = path.indexOf("/");
    const bucket = path.slice(0, slash);
    const key = path.slice(slash + 1);
    if (slash > 0 && key && new RegExp(`^${BUCKET}$`).test(bucket)) {
      return { bucket, key, region: pathStyle[1] };
    }
  }
  return undefined;
}

/** The regional virtual-hosted URL of an object: the form the S3 console shows as "Object URL". */
export function s3TemplateUrl(location: { bucket: string; region: string; key: string }): string {
  const key = location.key.split("/").map(encodeURIComponent).join("/");
  const suffix = location.region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://${location.bucket}.s3.${location.region}.${suffix}/${key}`;
}

/** Whether CloudFormation would accept this as a TemplateURL: an https URL of an S3 object. */
export function isS3TemplateUrl(url: string): boolean {
  return parseS3TemplateUrl(url) !== undefined;
}
