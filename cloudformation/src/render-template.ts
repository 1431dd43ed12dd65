import { readFileSync } from "node:fs";
import { TemplateError } from "./errors";
import { checkOperator, type Operator } from "./operator";
import { stackSetTemplatePath, templatePath } from "./paths";
import { TEMPLATE_VERSION } from "./version";

export type TemplateKind = "role" | "stackset";

export interface RenderedTemplate {
  kind: TemplateKind;
  /** Versioned object key: a published version never changes, a new policy gets a new key. */
  key: string;
  body: string;
}

/** The text the repository files hold where the operator's values go. */
export const PLACEHOLDERS = {
  platformAccountId: "__PLATFORM_ACCOUNT_ID__",
  scannerRolePattern: "__SCANNER_ROLE_PATTERN__",
} as const;

const FILES: Record<TemplateKind, { path: string; name: string }> = {
  role: { path: templatePath, name: "tag-compliance-role" },
  stackset: { path: stackSetTemplatePath, name: "tag-compliance-stackset" },
};

export const TEMPLATE_KINDS: readonly TemplateKind[] = ["role", "stackset"];

/** The versioned file name a template is served and published under. */
export function templateKey(kind: TemplateKind): string {
  return `${FILES[kind].name}-${TEMPLATE_VERSION}.yaml`;
}

/**
 * The template text with the operator's account and scanner pattern in its Mappings. Plain text
 * substitution keeps the comments and layout the customer reads in the console; the values are
 * checked first, so nothing but an account id and a role-name glob can enter the YAML.
 */
export function renderTemplate(kind: TemplateKind, operator: Operator): string {
  const { platformAccountId, scannerRolePattern } = checkOperator(operator);
  const raw = readFileSync(FILES[kind].path, "utf8");
  for (const placeholder of Object.values(PLACEHOLDERS)) {
    if (!raw.includes(placeholder)) throw new TemplateError(`${FILES[kind].name}.yaml lacks ${placeholder}`);
  }
  // split/join, not String.replace: a `$&` in a replacement string would be interpreted.
  return raw
    .split(PLACEHOLDERS.platformAccountId)
    .join(platformAccountId)
    .split(PLACEHOLDERS.scannerRolePattern)
    .join(scannerRolePattern);
}

/** Every template the product publishes, rendered for one operator, under its versioned key. */
export function renderTemplates(operator: Operator): RenderedTemplate[] {
  return TEMPLATE_KINDS.map((kind) => ({
    kind,
    key: templateKey(kind),
    body: renderTemplate(kind, operator),
  }));
}
