export {
  ARN_PARTITIONS,
  type ArnErrorReason,
  type ArnParseResult,
  type ArnPartition,
  type ParsedArn,
  parseArn,
} from "./arn/parse";
export { resourceTypeFromArn } from "./arn/resource-type";
export * from "./catalog";
export {
  costLineFor,
  EC2_OTHER,
  EC2_OTHER_DATA_TRANSFER,
  type Ec2OtherFamily,
  ec2OtherFamilyOf,
  ec2OtherLine,
  ec2OtherLineOf,
  isUnattributableLine,
  serviceOfLine,
  VPC_SERVICE,
  vpcLineOf,
} from "./catalog/cost-lines";
export { billedServiceNames, canonicalServiceName, SERVICE_NAME_ALIASES } from "./catalog/service-names";
export * from "./charts";
export { ageInDays } from "./compliance/age";
export type { ComplianceBreakdown } from "./compliance/breakdown";
export { type CostWeightedCompliance, costWeightedCompliance } from "./compliance/cost-weighted";
export { type CostLookup, costOf } from "./compliance/costs";
export {
  type NotTaggableEntry,
  notTaggableResources,
  notTaggableSentence,
} from "./compliance/not-taggable";
export { complianceScore, roundScore } from "./compliance/ratio";
export { requestedTypeSet, resourcesInScope, type ScopeInput, uniqueByArn } from "./compliance/scope";
export {
  type ComplianceEvaluation,
  type EvaluateComplianceInput,
  evaluateCompliance,
} from "./compliance/score";
export {
  type FindUntaggedInput,
  findUntaggedResources,
  type UntaggedResource,
  type UntaggedResult,
} from "./compliance/untagged";
export { countsAgainstCompliance, validateResource } from "./compliance/validate";
export {
  COST_ALLOCATION_NOTE,
  type CostAllocationInput,
  type CostAllocationStatus,
  costAllocationStatus,
  type InactiveRequiredKey,
} from "./cost/allocation";
export {
  type CostExplorerGroup,
  type CostExplorerMetricValue,
  type CostExplorerParseOptions,
  type CostExplorerResultByTime,
  costDataFromCostExplorer,
} from "./cost/cost-explorer";
export { type AttributionGapInput, attributionGap } from "./cost/gap";
export {
  type AttributionGap,
  type CostSourceTally,
  type GapGroup,
  type GapGroupBy,
  type GapNote,
  UNALLOCATED_GROUP,
} from "./cost/gap-types";
export type { ResourceTypeScope } from "./cost/scope";
export { type ServiceSpread, type SpreadResult, spreadCosts, spreadCostsDetailed } from "./cost/spread";
export type { CostData, CostPeriod, CostSource, ResourceCost } from "./cost/types";
export { baselineFromResources, policyTagKeys, type TagBaseline } from "./drift/baseline";
export {
  type CompareDriftInput,
  compareDrift,
  type DriftChangeType,
  type DriftResult,
  type DriftSeverity,
  type TagDrift,
} from "./drift/compare";
export { CoreInputError } from "./errors";
export {
  type AutomationExport,
  type AutomationFormat,
  type AutomationPlatform,
  exportForAutomation,
} from "./export/automation";
export { PLACEHOLDER_VALUE } from "./export/remediation-plan";
export { filterBySeverity, type SeverityFilter } from "./export/severity";
export {
  DEFAULT_CSV_PAGE_SIZE,
  DEFAULT_VIOLATION_CSV_COLUMNS,
  exportViolationsCsv,
  exportViolationsCsvFile,
  MAX_CSV_PAGE_SIZE,
  VIOLATION_CSV_COLUMNS,
  type ViolationCsvColumn,
  type ViolationsCsvPage,
} from "./export/violations-csv";
export * from "./generators";
export {
  aggregateHistory,
  type ComplianceSnapshot,
  type HistoryPeriod,
  type ViolationHistory,
} from "./history/aggregate";
export { type HistoryGranularity, periodStart } from "./history/period";
export { type ScoreTrend, scoreTrend, type TrendPoint, type TrendSnapshot } from "./history/score-trend";
export { type HistoryTrend, STABLE_BAND_POINTS, type TrendDirection, trendBetween } from "./history/trend";
export type * from "./model";
export * from "./orgs";
export { preferredValueOf } from "./policy/aliases";
export { allApplicableResourceTypes, applicableRequiredTags, appliesToEveryType } from "./policy/applicable";
export { DEFAULT_POLICY } from "./policy/default";
export { arnGlob, isExcluded } from "./policy/exclusions";
export { formatPolicyIssue, type PolicyIssue } from "./policy/issues";
export { type KeyLookup, keyMatchingOf, lookupKey } from "./policy/key-lookup";
export { type ParsePolicyResult, parsePolicy } from "./policy/parse";
export { compileTagRegex, matchesAtStart, type RegexCompileResult } from "./policy/regex";
export {
  OptionalTagSchema,
  RequiredTagSchema,
  TaggingPolicySchema,
  TagNamingRulesSchema,
} from "./policy/schema";
export { serializePolicy } from "./policy/serialize";
export { type PolicySummary, summarizePolicy } from "./policy/summary";
export type * from "./policy/types";
export { buildComplianceReport, COSTLESS_NOTE } from "./report/build";
export { gapByTagChart, gapByTypeChart, trendChart } from "./report/chart-data";
export { parseReportFormat } from "./report/format";
export { type GapSummary, gapSummary } from "./report/gap-summary";
export {
  CURRENCY,
  formatCents,
  formatMoney,
  formatScore,
  formatUsd,
  roundCents,
  roundEach,
} from "./report/money";
export { REPORT_CSV_COLUMNS } from "./report/render-csv";
export type * from "./report/types";
export * from "./schedule";
export { PARENT_TYPE, parentsOf } from "./suggest/inherited";
export { suggestTags } from "./suggest/suggest-tags";
export type { SuggestionStrategy, TagSuggestion, TagSuggestions } from "./suggest/types";
