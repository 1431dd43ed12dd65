// The 17 MCP tools, each one typed definition (one file per tool), and the transport-free callTool
// every edge uses. The scan pipeline under scan/ is what the scanning tools and scheduled audits share.
export { callTool, describeIssues, type ToolOutcome } from "./call-tool";
export { findTool, TOOLS } from "./catalog";
export { checkTagCompliance } from "./check-tag-compliance";
export { type CallerCtx, type ToolCtx, toolCtx } from "./context";
export { defineTool, type Tool, type ToolDefinition, type ToolOutput } from "./define";
export { detectTagDrift } from "./detect-tag-drift";
export { exportForAutomation } from "./export-for-automation";
export { exportViolationsCsv } from "./export-violations-csv";
export { findUntaggedResources } from "./find-untagged-resources";
export { generateComplianceReport } from "./generate-compliance-report";
export { generateConfigRules } from "./generate-config-rules";
export { generateCustodianPolicy } from "./generate-custodian-policy";
export { generateOpenopsWorkflow } from "./generate-openops-workflow";
export { generateTerraformPolicy } from "./generate-terraform-policy";
export { getCostAttributionGap } from "./get-cost-attribution-gap";
export { getTaggingPolicy } from "./get-tagging-policy";
export { getViolationHistory } from "./get-violation-history";
export { importAwsTagPolicy } from "./import-aws-tag-policy";
export { type ListedTool, listedTool, TOOL_LIST, type ToolAnnotations } from "./list";
export { createToolRuntime, type ToolRuntime, type ToolRuntimeOptions } from "./runtime";
export type { Analysis } from "./scan/analyse";
export { analyseAccounts, scanAccounts } from "./scan/pipeline";
export { renderAnalysisReport } from "./scan/report";
export type { ScanRequest, TimePeriod } from "./scan/types";
export { scheduleComplianceAudit } from "./schedule-compliance-audit";
export { suggestTags } from "./suggest-tags";
export { validateResourceTags } from "./validate-resource-tags";
