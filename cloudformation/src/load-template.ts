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

/** Reads and parses a CloudFormation YAML template (by default the customer role template). */
export function loadTemplate(path: string = templatePath): CfnTemplate {
  const parsed: unknown = parseTemplateDocument(readFileSync(path, "utf8"), path).toJS();
  if (!isJsonObject(parsed) || !isJsonObject(parsed.Resources)) {
    throw new TemplateError(`${path}: not a CloudFormation template (no Resources map)`);
  }
  // Shape beyond Resources is the template's business; the tests pin the parts that matter.
  return parsed as unknown as CfnTemplate;
}
