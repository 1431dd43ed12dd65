// What every verb receives. The client is resolved by the edge (from the URL for admins, from the API
// key for MCP) and never read from input, so a caller cannot reach another tenant's rows.
import type { AwsConfig, CredentialBroker } from "@tagc/aws";
import type { Client, Database } from "@tagc/db";
import type { AlertConfig } from "./alerts/config";
import type { AuditBatch } from "./audit/batch";
import type { SettingsCache } from "./cache/settings";
import type { DownloadConfig } from "./downloads/config";
import type { ApiKeyCache } from "./keys/cache";
import type { UsageBatch } from "./metering/batch";
import type { WriteQueue } from "./writes/queue";

export interface OnboardingConfig {
  /** The versioned template URL the quick-create link points at. */
  templateUrl: string;
  templateVersion: string;
  /** Console region used in the link when the admin does not give one. */
  defaultConsoleRegion: string;
  /** Role names are `<prefix>-<short id>` so one AWS account can serve two clients. */
  roleNamePrefix: string;
  /** An External ID that was never verified stops working after this many hours. */
  externalIdTtlHours: number;
  /**
   * HS256 secret of the customer's onboarding links (ONBOARDING_LINK_SECRET); without it no link is
   * issued or opened. Shared by every replica, so any of them opens a link another one issued.
   */
  linkSecret?: string | undefined;
}

export interface ServiceDeps {
  db: Database;
  broker: CredentialBroker;
  aws: AwsConfig;
  onboarding: OnboardingConfig;
  /** Signed, expiring URLs for bulk results (CSV, automation exports) instead of inline content. */
  downloads: DownloadConfig;
  /** Injectable clock: background jobs and tests move time without sleeping. */
  now: () => Date;
  /**
   * Tenant data held outside the database (scan memos, the shared cache), purged through this when a
   * client is offboarded: the runtime that holds it implements it (see tools/runtime.ts).
   */
  tenantData: TenantData;
  /**
   * Where a tool call's audit and usage rows wait while the database is unreachable, written when it
   * returns (see writes/queue.ts). Without one, such a write fails the call.
   */
  writes?: WriteQueue | undefined;
  /** Per-schedule alert delivery (SMTP, webhook address policy); unset: no e-mail, public https webhooks only. */
  alerts?: AlertConfig | undefined;
  /**
   * Where tool calls' audit rows wait for their batch (see audit/batch.ts); without one each call
   * writes its own row before it answers.
   */
  audit?: AuditBatch | undefined;
  /**
   * Accepted API keys the MCP edge trusts for a moment without a read (keys/cache.ts). Whatever
   * revokes or rotates a key, or changes its client, forgets the client's entries here.
   */
  keys?: ApiKeyCache | undefined;
  /**
   * Where warm calls' scan usage events wait for their batch (see metering/batch.ts); without one
   * each call writes its event before it answers.
   */
  usage?: UsageBatch | undefined;
  /**
   * Clients' policies and connections the scan pipeline trusts for a moment without a read
   * (cache/settings.ts). Whatever changes either forgets the client here (forgetTenantReads).
   */
  settings?: SettingsCache | undefined;
}

export interface TenantData {
  purge(clientId: string): Promise<void>;
  /**
   * The client's role is gone (its connection turned `revoked`): drop every answer read through it,
   * cached scans, costs and regions, on this replica and in the shared cache, and tell the other
   * replicas to drop their memo and credentials (see tools/scan/revocation.ts). Guardrail counters stay.
   */
  revoke(clientId: string): Promise<void>;
  /**
   * Something the replicas memoise briefly changed for this client (a key, its status, its policy or
   * connections): bumps a per-client epoch in the shared cache, which every replica compares with the
   * epoch its memo was taken at (cache/fresh-reads.ts), so the change is seen on the next request.
   */
  changed?(clientId: string): Promise<void>;
  /** The epoch `changed` bumps; undefined when the shared cache cannot tell (a memo is then not trusted). */
  epochOf?(clientId: string): Promise<number | undefined>;
}

export type Actor =
  | { kind: "admin"; subject: string }
  | { kind: "api_key"; keyId: string }
  | { kind: "system"; job: string };

export interface Ctx {
  deps: ServiceDeps;
  actor: Actor;
  requestId: string;
}

/** A context bound to one tenant. */
export interface ClientCtx extends Ctx {
  client: Client;
}
