// generate_openops_workflow: an OpenOps workflow (YAML) that runs the compliance check on a schedule
// and, when the score falls below the threshold, notifies, reports or adds the missing tags.
import { z } from "zod";
import { CoreInputError } from "../errors";
import type { TaggingPolicy } from "../policy/types";
import { isSchedulePreset, parseCronSchedule, presetCron } from "../schedule/cron";
import { parseGeneratorInput } from "./errors";
import { type RemediationStrategy, remediationSteps, type WorkflowStep } from "./openops-steps";
import { resolveResourceTypes } from "./scope";
import { resolveTargetTags } from "./target-tags";
import { toYaml } from "./yaml";

const SCORE = "steps.check_compliance.output.compliance_score";

export const REMEDIATION_STRATEGIES = ["notify", "auto_tag", "report"] as const;

/** Presets run at 09:00 UTC: a workflow has no user time zone, and UTC keeps runs DST-free. */
export const OPENOPS_PRESET_TIME = { hour: 9, minute: 0 };

export const openOpsInputSchema = z.strictObject({
  // Capped at 10 like every tool's resource_types; the default (the policy's types) is not an input.
  resource_types: z.array(z.string().min(1).max(100)).min(1).max(10).optional(),
  remediation_strategy: z.enum(REMEDIATION_STRATEGIES).default("notify"),
  threshold: z.number().min(0).max(1).default(0.8),
  target_tags: z.array(z.string().min(1).max(128)).min(1).max(50).optional(),
  /** daily, weekly, monthly or a 5-field cron expression (UTC). */
  schedule: z.string().min(1).max(100).default("daily"),
});
export type OpenOpsInput = z.input<typeof openOpsInputSchema>;

export interface OpenOpsWorkflow {
  name: string;
  description: string;
  version: number;
  triggers: Record<string, unknown>[];
  filters: { resource_types: string[]; target_tags: string[] };
  steps: WorkflowStep[];
  metadata: Record<string, unknown>;
}

export interface OpenOpsResult {
  yaml: string;
  workflow: OpenOpsWorkflow;
  cron: string;
  counts: { steps: number; resource_types: number; target_tags: number };
  warnings: string[];
}

function cronFor(schedule: string): string {
  if (isSchedulePreset(schedule)) return presetCron(schedule, OPENOPS_PRESET_TIME);
  try {
    return parseCronSchedule(schedule, "schedule").expression;
  } catch (error) {
    if (error instanceof CoreInputError) throw new CoreInputError("schedule", error.message);
    throw error;
  }
}

export function generateOpenOpsWorkflow(
  policy: TaggingPolicy,
  rawInput: OpenOpsInput,
  now: Date,
): OpenOpsResult {
  const input = parseGeneratorInput(openOpsInputSchema, rawInput);
  const strategy: RemediationStrategy = input.remediation_strategy;
  const cron = cronFor(input.schedule);
  const resourceTypes = resolveResourceTypes(policy, input.resource_types);
  const tags = resolveTargetTags(policy, input.target_tags);
  const warnings = new Set<string>();
  const percent = `${Math.round(input.threshold * 10000) / 100}%`;
  const check = {
    id: "check_compliance",
    name: "Check tag compliance",
    action: "tag_compliance.check_tag_compliance",
    inputs: { resource_types: resourceTypes, severity: "all" },
  };
  // A scan that read nothing has no score (null, with score_reason). Compared as a number null would
  // pass "below the threshold" and remediate on no evidence, so it alerts the owner and stops instead.
  const unreadable = {
    id: "score_unreadable",
    name: "Alert and stop when nothing could be read (no compliance score)",
    condition: `{{ ${SCORE} == null }}`,
    action: "notification.send",
    inputs: {
      channel: "email",
      to: "workflow-owner",
      subject: "Tag compliance could not be measured",
      body: "No compliance score: {{ steps.check_compliance.output.score_reason }}",
    },
    on_true: "stop",
  };
  const gate = {
    id: "below_threshold",
    name: `Continue only when the compliance score is below ${percent}`,
    condition: `{{ ${SCORE} != null && ${SCORE} < ${input.threshold} }}`,
    on_false: "stop",
  };
  const workflow: OpenOpsWorkflow = {
    name: `tag-compliance-${strategy.replace("_", "-")}`,
    description: `Checks tag compliance (${input.schedule}) and, below ${percent}, runs the ${strategy} remediation.`,
    version: 1,
    triggers: [
      { type: "schedule", cron, timezone: "UTC" },
      { type: "compliance_score", metric: "compliance_score", operator: "below", threshold: input.threshold },
    ],
    filters: { resource_types: resourceTypes, target_tags: tags.map((tag) => tag.name) },
    steps: [check, unreadable, gate, ...remediationSteps(strategy, resourceTypes, tags, warnings)],
    metadata: {
      generated_by: "tag-compliance-cloud",
      generated_at: now.toISOString(),
      policy_version: policy.version,
      remediation_strategy: strategy,
      threshold: input.threshold,
      schedule: input.schedule,
    },
  };
  return {
    yaml: toYaml(workflow),
    workflow,
    cron,
    counts: { steps: workflow.steps.length, resource_types: resourceTypes.length, target_tags: tags.length },
    warnings: [...warnings],
  };
}
