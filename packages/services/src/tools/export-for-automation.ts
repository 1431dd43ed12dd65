// Tool 15: the violations with, per resource, the tags to set, for Ansible, Terraform variables or a
// generic format. Computed by core's exportForAutomation.
import { exportForAutomation as toAutomation } from "@tagc/core";
import { z } from "zod";
import { defineTool } from "./define";
import { accounts, resourceTypes, scalar, scanId, severity } from "./inputs";
import { dataQuality } from "./outputs";
import { analyseAccounts } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";

export const exportForAutomation = defineTool({
  name: "export_for_automation",
  title: "Export for automation",
  description:
    "The violations with, per resource, the tags to set, as json, yaml or csv, for Ansible (amazon.aws tagging module variables), Terraform variables, or a generic format. Values that cannot be derived are placeholders to fill in.",
  input: z.strictObject({
    format: scalar(z.enum(["json", "yaml", "csv"])).optional(),
    target_platform: scalar(z.enum(["ansible", "terraform_vars", "generic"])).optional(),
    filters: z
      .strictObject({ severity: severity.optional(), resource_types: resourceTypes.optional() })
      .optional(),
    include_remediation_hints: z.boolean().optional(),
    accounts: accounts.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    format: z.string(),
    target_platform: z.string(),
    content: z.string(),
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const requested = input.filters?.resource_types?.length ? input.filters.resource_types : ["all"];
    const resourceTypes = resolveResourceTypes(requested, "filters.resource_types");
    const { evaluation, scan } = await analyseAccounts(ctx, {
      tool: "export_for_automation",
      resourceTypes,
      allTypes: requested.includes("all"),
      accounts: input.accounts,
    });
    const exported = toAutomation({
      violations: evaluation.violations,
      format: input.format ?? "json",
      targetPlatform: input.target_platform ?? "generic",
      ...(input.filters?.severity ? { severity: input.filters.severity } : {}),
      includeRemediationHints: input.include_remediation_hints ?? true,
    });
    return { ...exported, data_quality: scan.data_quality };
  },
  summarize: (r) => `Export for ${r.target_platform} (${r.format}):\n\n${r.content.slice(0, 3000)}`,
});
