// The 17 MCP tools' verbs. Each takes `{ ctx, input }` with the tenant in ctx (from the API key).
export type { ToolCtx } from "./context";
export { invalidInput, ToolError } from "./errors";
export { analyse } from "./scan/analyse";
export { costDataFor, resolvePeriod, type TimePeriod } from "./scan/costs";
export { type ScanTarget, scanTargets } from "./scan/targets";
export { type CheckInput, checkTagCompliance } from "./verbs/check-tag-compliance";
export { type DriftInput, detectTagDrift } from "./verbs/detect-tag-drift";
export { type AutomationInput, exportForAutomation } from "./verbs/export-for-automation";
export { type ExportCsvInput, exportViolationsCsv } from "./verbs/export-violations-csv";
export { type FindUntaggedInput, findUntaggedResources } from "./verbs/find-untagged-resources";
export { generateComplianceReport, type ReportInput } from "./verbs/generate-compliance-report";
export {
  generateConfigRules,
  generateCustodianPolicy,
  generateOpenopsWorkflow,
  generateTerraformPolicy,
} from "./verbs/generators";
export { type GapInput, getCostAttributionGap } from "./verbs/get-cost-attribution-gap";
export { getTaggingPolicy } from "./verbs/get-tagging-policy";
export { getViolationHistory, type HistoryInput } from "./verbs/get-violation-history";
export { type ImportInput, importAwsTagPolicy } from "./verbs/import-aws-tag-policy";
export { type ScheduleInput, scheduleComplianceAudit } from "./verbs/schedule-compliance-audit";
export { suggestTags } from "./verbs/suggest-tags";
export { type ValidateInput, validateResourceTags } from "./verbs/validate-resource-tags";
