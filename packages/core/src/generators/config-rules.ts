// generate_config_rules: AWS Config REQUIRED_TAGS rules in the PutConfigRule request shape, with the
// CLI commands that deploy and check them. `required_tags` checks presence only; `allowed_values`
// also checks each tag's value against its allowed list.
import { z } from "zod";
import type { TaggingPolicy } from "../policy/types";
import { parseGeneratorInput } from "./errors";
import { planRequiredTagsRules } from "./required-tags-rules";
import { resolveTargetTags } from "./target-tags";

export const CONFIG_RULE_TYPES = ["required_tags", "allowed_values"] as const;

export const configRulesInputSchema = z.strictObject({
  rule_type: z.enum(CONFIG_RULE_TYPES).default("required_tags"),
  tags: z.array(z.string().min(1).max(128)).min(1).max(50).optional(),
});
export type ConfigRulesInput = z.input<typeof configRulesInputSchema>;

/** The ConfigRule object of the PutConfigRule API. */
export interface ConfigRule {
  ConfigRuleName: string;
  Description: string;
  Scope?: { ComplianceResourceTypes: string[] };
  Source: { Owner: "AWS"; SourceIdentifier: "REQUIRED_TAGS" };
  /** A JSON string, as the API expects: {"tag1Key":"Owner","tag1Value":"a,b",...}. */
  InputParameters: string;
}

export interface ConfigRulesResult {
  rule_type: (typeof CONFIG_RULE_TYPES)[number];
  rules: ConfigRule[];
  deployment: {
    prerequisites: string[];
    files: { path: string; content: string }[];
    commands: string[];
    verify: string[];
  };
  warnings: string[];
}

export function generateConfigRules(policy: TaggingPolicy, rawInput: ConfigRulesInput): ConfigRulesResult {
  const input = parseGeneratorInput(configRulesInputSchema, rawInput);
  const includeValues = input.rule_type === "allowed_values";
  const warnings = new Set<string>();
  let tags = resolveTargetTags(policy, input.tags, "tags");
  if (includeValues) {
    const unlisted = tags.filter((tag) => !tag.allowed_values).map((tag) => tag.name);
    if (unlisted.length > 0) warnings.add(`no allowed values to check for ${unlisted.join(", ")}; left out`);
    tags = tags.filter((tag) => tag.allowed_values);
  }
  const prefix = includeValues ? "tagc-allowed-values" : "tagc-required-tags";
  const rules = planRequiredTagsRules(tags, includeValues, warnings).map((plan, index): ConfigRule => {
    const what = includeValues ? "have allowed values for" : "have the tags";
    return {
      ConfigRuleName: `${prefix}-${index + 1}`,
      Description:
        `Checks that resources ${what} ${plan.tags.join(", ")} (tagging policy ${policy.version})`.slice(
          0,
          256,
        ),
      ...(plan.scope ? { Scope: { ComplianceResourceTypes: plan.scope } } : {}),
      Source: { Owner: "AWS", SourceIdentifier: "REQUIRED_TAGS" },
      InputParameters: JSON.stringify(plan.input_parameters),
    };
  });
  const names = rules.map((rule) => rule.ConfigRuleName).join(" ");
  return {
    rule_type: input.rule_type,
    rules,
    deployment: {
      prerequisites: [
        "AWS Config must be recording in every region to check: aws configservice describe-configuration-recorder-status",
        "Config rules are regional: run the commands once per region, adding --region <region>",
      ],
      files: rules.map((rule) => ({
        path: `${rule.ConfigRuleName}.json`,
        content: `${JSON.stringify(rule, null, 2)}\n`,
      })),
      commands: rules.map(
        (rule) => `aws configservice put-config-rule --config-rule file://${rule.ConfigRuleName}.json`,
      ),
      verify:
        rules.length === 0
          ? []
          : [
              `aws configservice start-config-rules-evaluation --config-rule-names ${names}`,
              `aws configservice describe-compliance-by-config-rule --config-rule-names ${names}`,
            ],
    },
    warnings: [...warnings],
  };
}
