import { alertDeliveries } from "./alert-deliveries";
import { apiKeys } from "./api-keys";
import { auditEvents } from "./audit-events";
import { auditSchedules } from "./audit-schedules";
import { awsConnections } from "./aws-connections";
import { clients } from "./clients";
import { complianceSnapshots } from "./compliance-snapshots";
import { downloads } from "./downloads";
import { jobs } from "./jobs";
import { oauthRecords } from "./oauth-records";
import { oauthSigningKeys } from "./oauth-signing-keys";
import { tagBaselines } from "./tag-baselines";
import { taggingPolicies } from "./tagging-policies";
import { usageEvents } from "./usage-events";

export * from "./alert-deliveries";
export * from "./api-keys";
export * from "./audit-events";
export * from "./audit-schedules";
export * from "./aws-connections";
export * from "./clients";
export type { JsonObject } from "./columns";
export * from "./compliance-snapshots";
export * from "./downloads";
export * from "./jobs";
export * from "./oauth-records";
export * from "./oauth-signing-keys";
export * from "./tag-baselines";
export * from "./tagging-policies";
export * from "./usage-events";

/** Every table, for `drizzle({ schema })` and the `Database` type. */
export const schema = {
  clients,
  awsConnections,
  apiKeys,
  taggingPolicies,
  auditEvents,
  usageEvents,
  complianceSnapshots,
  tagBaselines,
  auditSchedules,
  jobs,
  oauthRecords,
  oauthSigningKeys,
  downloads,
  alertDeliveries,
};
export type Schema = typeof schema;

/** The tables that belong to one tenant: every one carries `client_id`, and every read filters by it. */
export const tenantTables = {
  awsConnections,
  apiKeys,
  taggingPolicies,
  auditEvents,
  usageEvents,
  complianceSnapshots,
  tagBaselines,
  auditSchedules,
  jobs,
  downloads,
  alertDeliveries,
};
