// The name-pattern table (TOOLS.md tool 5, strategy 1). Each concept lists the words (or word
// sequences) that signal it in a resource name; matching is on whole words, longest first.
//
// Choices worth knowing:
// - "live" means production; "uat", "preprod" and "pre-prod" mean staging (acceptance environments
//   sit just before production); "qa" means test; "sandbox" means development.
// - "pre-prod" is one staging phrase, never "pre" + production.
// - Words that are frequently something else are left out: "ops" (devops, ops tooling), "int"
//   (integration or internal), "fin", "pii" (personal data is confidential or restricted depending
//   on the scheme).
// - Every allowed value of the policy tag is also a word for itself, so a policy with
//   CostCenter: [Engineering, Research] matches "research-cluster" without a table entry.

export interface Concept {
  /** The value suggested when the policy lists no allowed values. */
  canonical: string;
  /** Word sequences; each sequence is a list of lowercase tokens. */
  phrases: string[][];
}

const words = (...list: string[]): string[][] => list.map((phrase) => phrase.split(" "));

const ENVIRONMENT: Concept[] = [
  { canonical: "production", phrases: words("production", "prod", "prd", "live") },
  { canonical: "staging", phrases: words("staging", "stage", "stg", "preprod", "pre prod", "uat") },
  { canonical: "development", phrases: words("development", "develop", "dev", "sandbox") },
  { canonical: "test", phrases: words("test", "testing", "tst", "qa") },
];

// Cost centres from what a workload does, not only the department's own name: a "payments-api" or a
// "billing-worker" is Finance's spend. Each word names one function unambiguously; words shared by
// several (platform, data, analytics, ops, people) are left out.
const COST_CENTER: Concept[] = [
  {
    canonical: "Engineering",
    phrases: words("engineering", "eng", "devops", "sre", "infra", "infrastructure", "cicd"),
  },
  {
    canonical: "Marketing",
    phrases: words("marketing", "mktg", "campaign", "campaigns", "seo", "newsletter", "adtech"),
  },
  { canonical: "Sales", phrases: words("sales", "crm", "leads", "salesforce", "quotes") },
  {
    canonical: "Finance",
    phrases: words(
      "finance",
      "financial",
      "payments",
      "payment",
      "billing",
      "invoice",
      "invoices",
      "invoicing",
      "accounting",
      "ledger",
      "payroll",
      "treasury",
    ),
  },
  { canonical: "Support", phrases: words("support", "helpdesk", "servicedesk", "zendesk") },
  { canonical: "HR", phrases: words("hr", "recruiting", "recruitment", "hris") },
];

const DATA_CLASSIFICATION: Concept[] = [
  { canonical: "public", phrases: words("public") },
  { canonical: "internal", phrases: words("internal") },
  { canonical: "confidential", phrases: words("confidential") },
  { canonical: "restricted", phrases: words("restricted") },
];

/** Tag names are compared without case or separators: "cost-center" is CostCenter. */
export const tagKind = (tagName: string): string => tagName.toLowerCase().replace(/[^a-z0-9]/g, "");

const TABLE: Record<string, Concept[]> = {
  environment: ENVIRONMENT,
  env: ENVIRONMENT,
  costcenter: COST_CENTER,
  costcentre: COST_CENTER,
  dataclassification: DATA_CLASSIFICATION,
};

/** The concepts name patterns look for on a tag, or null when the tag has no name patterns. */
export function conceptsFor(tagName: string): Concept[] | null {
  const kind = tagKind(tagName);
  return Object.hasOwn(TABLE, kind) ? TABLE[kind]! : null;
}

/** Every environment phrase: Application inference strips them from the name. */
export const ENVIRONMENT_PHRASES: string[][] = ENVIRONMENT.flatMap((concept) => concept.phrases);
