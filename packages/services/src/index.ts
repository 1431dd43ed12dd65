export { AUDIT_OUTCOMES } from "@tagc/db";
export * from "./alerts";
export { AuditBatch, type AuditBatchOptions, type AuditRow } from "./audit/batch";
export { listAudit } from "./audit/list";
export { type AuditEntry, recordAudit, recordAuditOrQueue } from "./audit/record";
export { forgetTenantReads } from "./cache/fresh-reads";
export { SettingsCache } from "./cache/settings";
export * from "./charts";
export { deleteClient } from "./clients/delete";
export { getClient } from "./clients/get";
export { type ListClientsInput, listClients } from "./clients/list";
export { loadClient, primaryConnection } from "./clients/load";
export { type RegisterInput, registerClient } from "./clients/register";
export { getClientStatus } from "./clients/status";
export { verifyClient } from "./clients/verify";
export type { Actor, ClientCtx, Ctx, OnboardingConfig, ServiceDeps, TenantData } from "./context";
export { CLIENT_STATUSES, CLIENT_TIERS, type OpenDatabaseOptions, openDatabase } from "./database";
export type { DownloadConfig } from "./downloads/config";
export { createDownload, type DownloadInput, type DownloadLink } from "./downloads/create";
export { openDownload } from "./downloads/open";
export {
  asServiceError,
  DATABASE_RETRY_AFTER_S,
  DatabaseUnavailableError,
  ERROR_CODES,
  type ErrorCode,
  invalid,
  ServiceError,
} from "./errors";
export * from "./jobs";
export { keyAllows } from "./keys/allows";
export { type AuthResult, authenticateApiKey } from "./keys/authenticate";
export { ApiKeyCache } from "./keys/cache";
export { generateApiKey, hashApiKey, hasValidChecksum, KEY_PREFIX } from "./keys/format";
export { type IssueKeyInput, issueApiKey, KEY_SCOPES } from "./keys/issue";
export { listApiKeys } from "./keys/list";
export { revokeApiKey } from "./keys/revoke";
export { type RotateKeyInput, rotateApiKey } from "./keys/rotate";
export {
  issueMcpSessionId,
  MCP_SESSION_HOURS,
  type McpSessionBinding,
  type SessionCheck,
  verifyMcpSessionId,
} from "./mcp-sessions/session-id";
export { UsageBatch } from "./metering/batch";
export * from "./oauth";
export { CONSOLE_REGIONS } from "./onboarding/console-regions";
export { issueOnboardingLink, LINK_HOURS } from "./onboarding/issue-link";
export { onboardingLinkStatus, PAGE_VERIFY_AFTER_MS } from "./onboarding/link-status";
export { type OnboardingPageView, onboardingPageView } from "./onboarding/page-view";
export { PERMISSION_LIMITS, type PermissionGroup, permissionGroups } from "./onboarding/permissions";
export { quickCreateUrl } from "./onboarding/quick-create";
export type { LinkStatus } from "./onboarding/status-view";
export { currentPolicy } from "./policy/current";
export { getPolicy } from "./policy/get";
export { putPolicy } from "./policy/put";
export { PROMPTS, type PromptArgument, type PromptDefinition } from "./prompts";
export * from "./runtime";
export { cancelSchedule } from "./schedules/cancel";
export { listSchedules } from "./schedules/list";
export * from "./tools";
export { getUsage } from "./usage/get";
export { billingPeriod, MONTHLY_RESOURCE_QUOTA } from "./usage/quota";
export { fixFor } from "./verification/fix-it";
export { runVerificationSweep, type SweepOptions } from "./verification/sweep";
export { nextState, REVOKE_AFTER_FAILURES } from "./verification/transition";
export {
  type QueuedWrite,
  WriteQueue,
  type WriteQueueOptions,
  type WriteQueueStats,
} from "./writes/queue";
