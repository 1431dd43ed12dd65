import { readFileSync } from "node:fs";
import { type Document, parseDocument } from "yaml";
import { TemplateError } from "./errors";
import { templatePath } from "./paths";
import { type CfnTemplate, isJsonObject } from "./types";
import { cfnYamlTags } from "./yaml-tags";

/**
 * Parses template text into a YAML document with CloudFormation's short-form tags expanded.
 * Errors and warnings both throw: an unknown tag only warns in the yaml library and would turn
 * `!Reff X` into the plain string "X", a silent change of meaning in a security policy.
 */
export function parseTemplateDocument(text: string, source = "template"): Document.Parsed {
  const doc = parseDocument(text, { customTags: cfnYamlTags, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new TemplateError(`${source}: ${problems.map((p) => p.message).join("; ")}`);
  }
  return doc;
}

/** Parses CloudFormation YAML text (e.g. a rendered template) into its JSON form. */
export function parseTemplate(text: string, source = "template"): CfnTemplate {
  const parsed: unknown = parseTemplateDocument(text, source).toJS();
  if (!isCfnTemplate(parsed))
    throw new TemplateError(`${source}: not a CloudFormation template (no Resources map)`);
  return parsed;
}

/** Reads and parses a CloudFormation YAML template (by default the customer role template). */
export function loadTemplate(path: string = templatePath): CfnTemplate {
  return parseTemplate(readFileSync(path, "utf8"), path);
}

// Shape beyond Resources is the template's business; the tests pin the parts that matter.
function isCfnTemplate(value: unknown): value is CfnTemplate {
  return isJsonObject(value) && isJsonObject(value.Resources);
}
