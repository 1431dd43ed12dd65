export {
  type BrokerStats,
  CredentialBroker,
  type CredentialBrokerOptions,
  type GetCredentialsOptions,
  MAX_SESSION_SECONDS,
} from "./broker";
export { getCallerIdentityArn } from "./caller-identity";
export {
  type AwsConfig,
  awsConfig,
  controlPlaneCredentials,
  createSdkClient,
  DEFAULT_REGION,
  type SdkClientConfig,
  type StaticCredentials,
  sdkClientConfig,
} from "./config";
export {
  type AwsAccess,
  AwsReadError,
  type AwsReadErrorCode,
  type AwsReadErrorDetails,
  type CallGate,
  type DataQuality,
  type DataQualityCode,
  type DataQualityIssue,
  DEFAULT_CONCURRENCY,
  DEFAULT_DEADLINE_MS,
  DEFAULT_ENABLED_REGIONS,
  type DescribeTagPolicyInput,
  type DiscoverResourcesInput,
  type DiscoveryConcurrency,
  type DiscoveryProgress,
  type DiscoveryResult,
  type DiscoveryStats,
  describeTagPolicy,
  discoverResources,
  type FetchCostAndUsageInput,
  fetchCostAndUsage,
  fetchCostData,
  type ListActiveCostAllocationTagsInput,
  type ListEnabledRegionsInput,
  listActiveCostAllocationTags,
  listEnabledRegions,
  listTagPolicies,
  type RegionStats,
  type TagPolicyDocument,
  type TagPolicySummary,
} from "./discovery";
export {
  AssumeRoleError,
  type AwsErrorClassification,
  type AwsErrorCode,
  awsErrorName,
  classifyAssumeRoleError,
  classifyAwsError,
  invalidRoleClassification,
  probeFailureClassification,
  requiredPermissionClassification,
} from "./errors";
export { type AwsCall, type AwsCallObserver, type AwsCallOutcome, observeCalls, outcomeOf } from "./observe";
export {
  DEFAULT_PROBE_TIMEOUT_MS,
  PROBES,
  type Probe,
  type ProbeContext,
  type ProbeFamily,
  type ProbeOutcome,
  type ProbeResult,
  type ProbeSummary,
  type ProbeVerdict,
  type RunProbesInput,
  runProbes,
  summarizeProbes,
} from "./probes";
export { roleArnAccount } from "./role-arn";
export {
  type CallerRole,
  checkScannerIdentity,
  matchesRolePattern,
  parseCallerRole,
  type ScannerIdentityCheck,
  type ScannerIdentityConfig,
} from "./scanner-identity";
export { roleSessionName, sanitizeSessionName, sourceIdentity } from "./session-name";
export { createStsClient } from "./sts-client";
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  RoleTarget,
  SessionCredentials,
} from "./types";
export { type VerifyAccessInput, type VerifyAccessResult, verifyAccess } from "./verify";
