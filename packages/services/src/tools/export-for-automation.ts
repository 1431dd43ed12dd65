// Tool 15: the violations with, per resource, the tags to set, for Ansible, Terraform variables or a
// generic format. At 50,000 resources the file is megabytes: the result inlines the same document for
// the first few resources (a valid file of the format, to show its shape) and puts the whole export
// behind a signed, expiring download URL. Computed by core's exportForAutomation.
import { filterBySeverity, exportForAutomation as toAutomation } from "@tagc/core";
import { z } from "zod";
import { createDownload } from "../downloads/create";
import { defineTool } from "./define";
import { accounts, resourceTypes, scalar, scanId, severity } from "./inputs";
import { dataQuality, download } from "./outputs";
import { analyseAccounts } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";

/** Resources in the inline preview. */
export const AUTOMATION_PREVIEW_RESOURCES = 5;

const CONTENT_TYPES = { json: "application/json", yaml: "application/yaml", csv: "text/csv" } as const;

export const exportForAutomation = defineTool({
  name: "export_for_automation",
  title: "Export for automation",
  description: `The violations with, per resource, the tags to set, as json, yaml or csv, for Ansible (amazon.aws tagging module variables), Terraform variables, or a generic format. content previews the first ${AUTOMATION_PREVIEW_RESOURCES} resources; the whole file is at download.url (expires; give the user the link). Values that cannot be derived are placeholders to fill in.`,
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
    content: z.string().describe("The same document for the first resources only"),
    resources: z.number(),
    download,
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
    const format = input.format ?? "json";
    const options = {
      format,
      targetPlatform: input.target_platform ?? "generic",
      severity: input.filters?.severity ?? "all",
      includeRemediationHints: input.include_remediation_hints ?? true,
    } as const;
    const exported = toAutomation({ violations: evaluation.violations, ...options });
    // The preview is the export of the first few resources' violations (those the filter keeps), so
    // it is a valid file of the format rather than a cut-off string.
    const shown = new Set<string>();
    for (const v of filterBySeverity(evaluation.violations, options.severity)) {
      if (shown.size >= AUTOMATION_PREVIEW_RESOURCES) break;
      shown.add(v.resource_arn);
    }
    const preview = toAutomation({
      violations: evaluation.violations.filter((v) => shown.has(v.resource_arn)),
      ...options,
    });
    const link = await createDownload({
      ctx,
      input: {
        tool: "export_for_automation",
        filename: `automation-${exported.target_platform}.${format}`,
        contentType: `${CONTENT_TYPES[format]}; charset=utf-8`,
        body: exported.content,
        rows: exported.resources,
      },
    });
    return {
      ...exported,
      content: preview.content,
      preview_resources: preview.resources,
      download: link,
      data_quality: scan.data_quality,
    };
  },
  summarize: (r) =>
    `Export for ${r.target_platform} (${r.format}): ${r.resources} resources, ${r.tags_to_set} tags to set (${r.placeholders} placeholders). content shows the first ${r.preview_resources}; the whole file (${r.download.bytes} bytes) is at download.url until ${r.download.expires_at}.`,
});
