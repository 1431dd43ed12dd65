// Parsing a template body (JSON or YAML) and the structural checks CloudFormation makes before it
// looks at parameters, in its "Template format error" wording.
import { parseDocument } from "yaml";
import { AwsError } from "../errors";
import { isObject, type Template, templateSchema } from "./types";
import { cfnTags } from "./yaml-tags";

export const templateError = (message: string) => new AwsError("ValidationError", message, 400);

/** CloudFormation's limits: 51,200 bytes inline (TemplateBody), 1 MB from S3 (TemplateURL). */
export const INLINE_BODY_LIMIT = 51_200;
export const URL_BODY_LIMIT = 1_000_000;

function parseText(body: string): unknown {
  if (body.trimStart().startsWith("{")) {
    try {
      return JSON.parse(body);
    } catch {
      throw templateError("Template format error: JSON not well-formed.");
    }
  }
  const doc = parseDocument(body, { customTags: cfnTags, uniqueKeys: true });
  // An unknown tag is only a warning to the yaml library; CloudFormation refuses the template.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    throw templateError(`Template format error: YAML not well-formed. ${problem.message.split("\n")[0]}`);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

// CloudFormation recognises types of the form Org::Service::Type (and Custom::Name); anything else
// is refused before a stack exists. Well-formed types the sandbox does not emulate fail at creation.
const RESOURCE_TYPE = /^(?:(?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+|Custom::[A-Za-z0-9_@-]+)$/;

function checkResources(resources: unknown): void {
  if (!isObject(resources) || Object.keys(resources).length === 0) {
    throw templateError("Template format error: At least one Resources member must be defined.");
  }
  const unknown: string[] = [];
  for (const [logicalId, decl] of Object.entries(resources)) {
    if (!isObject(decl) || typeof decl.Type !== "string") {
      throw templateError(
        `Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`,
      );
    }
    if (!RESOURCE_TYPE.test(decl.Type)) unknown.push(decl.Type);
  }
  if (unknown.length) {
    throw templateError(`Template format error: Unrecognized resource types: [${unknown.join(", ")}]`);
  }
}

export function parseTemplate(body: string): Template {
  const parsed = parseText(body);
  if (!isObject(parsed)) throw templateError("Template format error: unsupported structure.");
  if (parsed.AWSTemplateFormatVersion !== undefined && parsed.AWSTemplateFormatVersion !== "2010-09-09") {
    throw templateError(
      `Template format error: Unsupported template version: ${String(parsed.AWSTemplateFormatVersion)}`,
    );
  }
  checkResources(parsed.Resources);
  const result = templateSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw templateError(
      `Template format error: [/${issue?.path.join("/") ?? ""}] ${issue?.message ?? "invalid"}`,
    );
  }
  return result.data;
}
