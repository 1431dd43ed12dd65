import { generateComplianceReport } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accounts, dataQuality, resourceTypes, scalar } from "../schemas";

export const generateComplianceReportTool = defineTool({
  name: "generate_compliance_report",
  title: "Compliance report",
  description:
    "Runs the compliance check and the cost gap, then renders a report (json, csv or markdown) with a summary, the top violations by count and by cost grouped by tag, and prioritized recommendations.",
  input: z.strictObject({
    resource_types: resourceTypes,
    format: scalar(z.string().max(20)).optional().describe("json | csv | markdown (case-insensitive)"),
    include_recommendations: z.boolean().optional(),
    accounts: accounts.optional(),
  }),
  output: z.looseObject({ format: z.string(), content: z.string(), data_quality: dataQuality }),
  readsAws: true,
  run: (ctx, input) => generateComplianceReport({ ctx, input }),
  summarize: (r) => `Compliance report (${r.format}):\n\n${String(r.content).slice(0, 4000)}`,
});
