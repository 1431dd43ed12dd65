import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { TemplatePublishError } from "./errors";
import type { Operator } from "./operator";
import { type RenderedTemplate, renderTemplates, type TemplateKind } from "./render-template";
import { s3TemplateUrl } from "./s3-url";

export interface PublishTemplatesInput {
  s3: S3Client;
  bucket: string;
  /** The bucket's region: the URL names it, so CloudFormation reads the object without a redirect. */
  region: string;
  operator: Operator;
  /** Key prefix; the platform stack's bucket policy makes only templates/ publicly readable. */
  prefix?: string;
}

export interface PublishedTemplate {
  kind: TemplateKind;
  key: string;
  url: string;
  /** "unchanged" when the same body was already published under the key (a re-run is harmless). */
  status: "uploaded" | "unchanged";
}

export const DEFAULT_TEMPLATE_PREFIX = "templates/";

const RACE_ERRORS = new Set(["PreconditionFailed", "ConditionalRequestConflict"]);

/**
 * Renders every template for the operator and uploads it under its versioned key with the real
 * S3 API. A published version is immutable: customers' stacks and each connection's recorded
 * template version point at it, so a different body under an existing key is refused, never
 * overwritten. The check reads the object first and the write is conditional (If-None-Match: *),
 * so two publishers racing cannot overwrite each other either.
 */
export async function publishTemplates(input: PublishTemplatesInput): Promise<PublishedTemplate[]> {
  const prefix = input.prefix ?? DEFAULT_TEMPLATE_PREFIX;
  const published: PublishedTemplate[] = [];
  for (const template of renderTemplates(input.operator)) {
    const key = `${prefix}${template.key}`;
    const status = await publishOne(input, key, template);
    published.push({ kind: template.kind, key, url: s3TemplateUrl({ ...input, key }), status });
  }
  return published;
}

async function publishOne(
  input: PublishTemplatesInput,
  key: string,
  template: RenderedTemplate,
): Promise<PublishedTemplate["status"]> {
  const existing = await readObject(input, key);
  if (existing === undefined) {
    try {
      await input.s3.send(
        new PutObjectCommand({
          Bucket: input.bucket,
          Key: key,
          Body: template.body,
          ContentType: "application/x-yaml",
          IfNoneMatch: "*",
        }),
      );
      return "uploaded";
    } catch (error) {
      // Someone published the same key between our read and our write: judge their body instead.
      // S3 answers 412 PreconditionFailed once their write landed, and 409
      // ConditionalRequestConflict while it is still in flight (S3 User Guide, conditional writes).
      const raced = error instanceof S3ServiceException && RACE_ERRORS.has(error.name);
      if (!raced) throw error;
      const theirs = await readObject(input, key);
      if (theirs === undefined) {
        throw new TemplatePublishError(
          `s3 object ${key} is being published by someone else; run the command again`,
        );
      }
      return compare(key, theirs, template.body);
    }
  }
  return compare(key, existing, template.body);
}

function compare(key: string, existing: string | undefined, body: string): "unchanged" {
  if (existing === body) return "unchanged";
  throw new TemplatePublishError(
    `s3 object ${key} already holds a different template; a published version is immutable, so bump TEMPLATE_VERSION (or publish under another prefix) instead of overwriting it`,
  );
}

// S3 answers a missing key with NoSuchKey only when the caller may s3:ListBucket; without it the
// answer is AccessDenied, which is passed on rather than read as "absent".
async function readObject(input: PublishTemplatesInput, key: string): Promise<string | undefined> {
  try {
    const object = await input.s3.send(new GetObjectCommand({ Bucket: input.bucket, Key: key }));
    return object.Body ? await object.Body.transformToString("utf8") : "";
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}
