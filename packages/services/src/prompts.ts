// The MCP prompts: month-end review and remediation plan, as wording the edge serves unchanged.
export interface PromptArgument {
  name: string;
  description: string;
  maxLength: number;
}

export interface PromptDefinition {
  name: string;
  title: string;
  description: string;
  arguments: PromptArgument[];
  render(args: Record<string, string | undefined>): string;
}

export const PROMPTS: readonly PromptDefinition[] = [
  {
    name: "monthly_compliance_review",
    title: "Monthly compliance review",
    description: "A month-end review: score, trend, attribution gap, top offenders and next actions",
    arguments: [{ name: "focus", description: "What to focus on, e.g. a team or a service", maxLength: 200 }],
    render: ({
      focus,
    }) => `Run our monthly tagging compliance review${focus ? ` with a focus on ${focus}` : ""}.
1. Call get_tagging_policy and use all_applicable_resource_types.
2. Call check_tag_compliance with those types and store_snapshot: true.
3. Call get_cost_attribution_gap for the same types, grouped by resource_type.
4. Call get_violation_history with group_by "week" and kind "scheduled" for the trend.
5. Summarise: score and trend, the gap in dollars and percent, the three tags and resource types that matter most, and three concrete next actions. Mention any partial data_quality explicitly.`,
  },
  {
    name: "remediation_plan",
    title: "Remediation plan",
    description: "Find the costliest untagged resources and produce automation to fix them",
    arguments: [
      { name: "min_monthly_cost", description: "Only resources costing at least this (USD)", maxLength: 12 },
    ],
    render: ({ min_monthly_cost }) => `Build a tagging remediation plan.
1. Call find_untagged_resources for all_applicable_resource_types from get_tagging_policy, with min_cost_threshold ${min_monthly_cost ?? "50"}.
2. For the five costliest, call suggest_tags and present the suggestions for confirmation.
3. Call export_for_automation with target_platform "terraform_vars" for the rest.`,
  },
];
