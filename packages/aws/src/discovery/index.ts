export { type ListActiveCostAllocationTagsInput, listActiveCostAllocationTags } from "./cost-allocation-tags";
export { type FetchCostAndUsageInput, fetchCostAndUsage, fetchCostData } from "./cost-and-usage";
export {
  type DescribeTagPolicyInput,
  describeTagPolicy,
  type TagPolicyDocument,
} from "./describe-tag-policy";
export { DEFAULT_CONCURRENCY, DEFAULT_DEADLINE_MS, discoverResources } from "./discover";
export { AwsReadError, type AwsReadErrorCode, type AwsReadErrorDetails } from "./errors";
export { DEFAULT_ENABLED_REGIONS, type ListEnabledRegionsInput, listEnabledRegions } from "./regions";
export { listTagPolicies, type TagPolicySummary } from "./tag-policies";
export type {
  AwsAccess,
  CallGate,
  DataQuality,
  DataQualityCode,
  DataQualityIssue,
  DiscoverResourcesInput,
  DiscoveryConcurrency,
  DiscoveryProgress,
  DiscoveryResult,
  DiscoveryStats,
  RegionStats,
} from "./types";
