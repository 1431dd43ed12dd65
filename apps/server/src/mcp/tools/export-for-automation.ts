import { exportForAutomation } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accounts, dataQuality, resourceTypes, scalar, severity } from "../schemas";

export const exportForAutomationTool = defineTool({
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
  }),
  output: z.looseObject({ format: z.string(), content: z.string(), data_quality: dataQuality }),
  readsAws: true,
  run: (ctx, input) => exportForAutomation({ ctx, input }),
  summarize: (r) => `Export for ${r.target_platform} (${r.format}):\n\n${String(r.content).slice(0, 3000)}`,
});
