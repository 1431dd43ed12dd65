// The verbs under test, imported from their own files rather than the package index: the index also
// re-exports the MCP tool layer, and these suites test the layer beneath it on its own.
export { listAudit } from "../src/audit/list";
export { deleteClient } from "../src/clients/delete";
export { getClient } from "../src/clients/get";
export { loadClient, primaryConnection } from "../src/clients/load";
export { registerClient } from "../src/clients/register";
export { getClientStatus } from "../src/clients/status";
export { verifyClient } from "../src/clients/verify";
export type { Actor, ClientCtx, Ctx, OnboardingConfig, ServiceDeps } from "../src/context";
export { ServiceError } from "../src/errors";
export { authenticateApiKey } from "../src/keys/authenticate";
export { generateApiKey, hashApiKey, hasValidChecksum, KEY_PREFIX } from "../src/keys/format";
export { issueApiKey } from "../src/keys/issue";
export { listApiKeys } from "../src/keys/list";
export { revokeApiKey } from "../src/keys/revoke";
export { rotateApiKey } from "../src/keys/rotate";
export { getPolicy } from "../src/policy/get";
export { putPolicy } from "../src/policy/put";
export { getUsage } from "../src/usage/get";
export { billingPeriod, MONTHLY_RESOURCE_QUOTA } from "../src/usage/quota";
export { fixFor } from "../src/verification/fix-it";
export { runVerificationSweep } from "../src/verification/sweep";
export { REVOKE_AFTER_FAILURES } from "../src/verification/transition";
