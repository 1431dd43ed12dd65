import {
  type AutomationFormat,
  type AutomationPlatform,
  exportForAutomation as toAutomation,
} from "@tagc/core";
import type { ToolCtx } from "../context";
import { analyse } from "../scan/analyse";
import { resolveResourceTypes } from "../scan/scope";

export interface AutomationInput {
  format?: AutomationFormat | undefined;
  target_platform?: AutomationPlatform | undefined;
  filters?:
    | {
        severity?: "all" | "errors_only" | "warnings_only" | undefined;
        resource_types?: string[] | undefined;
      }
    | undefined;
  include_remediation_hints?: boolean | undefined;
  accounts?: string[] | undefined;
}

export async function exportForAutomation({ ctx, input }: { ctx: ToolCtx; input: AutomationInput }) {
  const requested = input.filters?.resource_types?.length ? input.filters.resource_types : ["all"];
  const resourceTypes = resolveResourceTypes(requested, "filters.resource_types");
  const { evaluation, scan } = await analyse(ctx, {
    tool: "export_for_automation",
    resourceTypes,
    allTypes: requested.includes("all"),
    accounts: input.accounts,
    withCosts: false,
  });
  const exported = toAutomation({
    violations: evaluation.violations,
    format: input.format ?? "json",
    targetPlatform: input.target_platform ?? "generic",
    ...(input.filters?.severity ? { severity: input.filters.severity } : {}),
    includeRemediationHints: input.include_remediation_hints ?? true,
  });
  return { ...exported, data_quality: scan.data_quality };
}
