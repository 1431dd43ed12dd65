// generate_custodian_policy: Cloud Custodian policies that find (dry run) or fix resources whose
// tags break the tagging policy, one or more per resource type that Custodian knows.
import { z } from "zod";
import { CoreInputError } from "../errors";
import type { TaggingPolicy } from "../policy/types";
import { NOTIFY_QUEUE_PLACEHOLDER } from "./custodian-actions";
import {
  type CustodianPolicy,
  type CustodianViolationType,
  type PolicyContext,
  policiesForCheck,
} from "./custodian-policy";
import { custodianResourceFor } from "./custodian-resources";
import type { CustodianWarning, CustodianWarnings } from "./custodian-warnings";
import { parseGeneratorInput } from "./errors";
import { splitResourceTypes, tagAppliesTo } from "./scope";
import { resolveTargetTags } from "./target-tags";
import { toYaml } from "./yaml";

export const CUSTODIAN_VIOLATION_TYPES = ["missing_tag", "invalid_value"] as const;

export const custodianInputSchema = z.strictObject({
  // Capped at 10 like every tool's resource_types; the default (the policy's types) is not an input.
  resource_types: z.array(z.string().min(1).max(100)).min(1).max(10).optional(),
  violation_types: z.array(z.enum(CUSTODIAN_VIOLATION_TYPES)).min(1).max(2).optional(),
  target_tags: z.array(z.string().min(1).max(128)).min(1).max(50).optional(),
  dry_run: z.boolean().default(true),
});
export type CustodianInput = z.input<typeof custodianInputSchema>;

export interface GeneratedCustodianPolicy {
  name: string;
  resource_type: string;
  custodian_resource: string;
  violation_type: CustodianViolationType;
  tags: string[];
  /** A runnable file holding this policy alone: `{ policies: [policy] }`. */
  yaml: string;
  policy: CustodianPolicy;
}

export interface CustodianResult {
  dry_run: boolean;
  policies: GeneratedCustodianPolicy[];
  /** Every policy in one runnable file. */
  combined_yaml: string;
  skipped: { resource_type: string; reason: string }[];
  counts: {
    policies: number;
    resource_types: number;
    skipped: number;
    missing_tag: number;
    invalid_value: number;
  };
  /** Skipped requested types first, then placeholder warnings; each with a code. */
  warnings: CustodianWarning[];
  notes: string[];
}

const NOTIFY_NOTE =
  `notify actions send to the SQS queue "${NOTIFY_QUEUE_PLACEHOLDER}" in the account and region ` +
  "Custodian runs in; create it for c7n-mailer or change the transport";

export function generateCustodianPolicies(policy: TaggingPolicy, rawInput: CustodianInput): CustodianResult {
  const input = parseGeneratorInput(custodianInputSchema, rawInput);
  const targets = resolveTargetTags(policy, input.target_tags);
  const violations = [...new Set(input.violation_types ?? CUSTODIAN_VIOLATION_TYPES)];
  const ctx: PolicyContext = {
    policyVersion: policy.version,
    dryRun: input.dry_run,
    usedNames: new Set(),
    warnings: new Map(),
  };
  const policies: GeneratedCustodianPolicy[] = [];
  const skipped: CustodianResult["skipped"] = [];

  // One mistyped or free type among several must not cost the caller the rest: it is skipped and
  // named. Only a request in which nothing is usable stays an input error (a typo to fix).
  const { types, rejected } = splitResourceTypes(policy, input.resource_types);
  const [first] = rejected;
  if (types.length === 0 && first) throw new CoreInputError("resource_types", first.message);
  const typeWarnings: CustodianWarnings = new Map();
  for (const { resource_type, code, message } of rejected) {
    skipped.push({ resource_type, reason: message });
    typeWarnings.set(message, { code, resource_type, message });
  }

  for (const type of types) {
    const resource = custodianResourceFor(type);
    const tags = targets.filter((tag) => tagAppliesTo(tag.applies_to, type));
    if (!resource) {
      skipped.push({ resource_type: type, reason: "Cloud Custodian has no resource for this type" });
      continue;
    }
    if (tags.length === 0) {
      skipped.push({ resource_type: type, reason: "no target tag applies to this type" });
      continue;
    }
    for (const violation of violations) {
      for (const made of policiesForCheck(type, resource, tags, violation, ctx)) {
        const yaml = toYaml({ policies: [made.policy] });
        const common = { name: made.policy.name, resource_type: type, custodian_resource: resource };
        policies.push({ ...common, violation_type: violation, tags: made.tags, yaml, policy: made.policy });
      }
    }
  }

  const count = (v: CustodianViolationType) => policies.filter((p) => p.violation_type === v).length;
  const notifies = policies.some((p) => p.policy.actions.some((action) => action.type === "notify"));
  return {
    dry_run: input.dry_run,
    policies,
    combined_yaml: toYaml({ policies: policies.map((p) => p.policy) }),
    skipped,
    counts: {
      policies: policies.length,
      resource_types: new Set(policies.map((p) => p.resource_type)).size,
      skipped: skipped.length,
      missing_tag: count("missing_tag"),
      invalid_value: count("invalid_value"),
    },
    warnings: [...typeWarnings.values(), ...ctx.warnings.values()],
    notes: notifies ? [NOTIFY_NOTE] : [],
  };
}
