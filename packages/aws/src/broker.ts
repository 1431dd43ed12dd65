// Per-tenant role credentials. One AssumeRole per (client, AWS account) per credential lifetime:
// the sessions live in this process's memory only (never Redis, the database or a log line),
// concurrent cold callers share one STS request, and SDK clients read them through providerFor()
// instead of calling STS themselves.
import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import { type AwsConfig, controlPlaneCredentials } from "./config";
import { AssumeRoleError, awsErrorName, classifyAssumeRoleError, invalidRoleClassification } from "./errors";
import { roleArnAccount } from "./role-arn";
import { roleSessionName, sourceIdentity } from "./session-name";
import { createStsClient } from "./sts-client";
import type { AwsCredentialIdentityProvider, RoleTarget, SessionCredentials } from "./types";

/** Role chaining (our caller is itself a role) caps sessions at one hour. */
export const MAX_SESSION_SECONDS = 3600;
const MIN_SESSION_SECONDS = 900;

export interface CredentialBrokerOptions {
  config: AwsConfig;
  now?: () => number;
  /** Refresh this long before expiry, so a long scan never starts with a dying session. */
  refreshMarginMs?: number;
  durationSeconds?: number;
}

export interface GetCredentialsOptions {
  /** Call STS even when the cache is warm (verify must prove the role is assumable right now). */
  forceRefresh?: boolean;
}

export interface BrokerStats {
  cacheSize: number;
  inFlight: number;
  stsCalls: number;
}

interface Entry {
  /** The role and External ID this entry was assumed with: another target never reuses it. */
  fingerprint: string;
  credentials?: SessionCredentials;
  flight?: Promise<SessionCredentials>;
  provider?: AwsCredentialIdentityProvider;
}

// A NUL cannot occur in an ARN or an External ID, so two targets never share a fingerprint.
const fingerprintOf = (target: RoleTarget) => `${target.roleArn}\u0000${target.externalId}`;

export class CredentialBroker {
  private readonly sts: STSClient;
  private readonly now: () => number;
  private readonly refreshMarginMs: number;
  private readonly durationSeconds: number;
  /** clientId → accountId → entry; nested so invalidate(clientId) drops every account at once. */
  private readonly entries = new Map<string, Map<string, Entry>>();
  private stsCalls = 0;

  constructor(options: CredentialBrokerOptions) {
    const duration = options.durationSeconds ?? MAX_SESSION_SECONDS;
    if (!Number.isInteger(duration) || duration < MIN_SESSION_SECONDS || duration > MAX_SESSION_SECONDS) {
      throw new RangeError(`durationSeconds must be an integer in [${MIN_SESSION_SECONDS}, 3600]`);
    }
    this.durationSeconds = duration;
    this.now = options.now ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? 5 * 60_000;
    // One STS client for every tenant: it signs with the control plane's keys only.
    this.sts = createStsClient(options.config, controlPlaneCredentials(options.config));
  }

  async getCredentials(target: RoleTarget, options: GetCredentialsOptions = {}): Promise<SessionCredentials> {
    const entry = this.entryFor(target);
    if (!options.forceRefresh && entry.credentials && this.isFresh(entry.credentials)) {
      return { ...entry.credentials };
    }
    // A forced refresh may join a flight already under way: that one is a real STS call too.
    entry.flight ??= this.fly(target, entry);
    return { ...(await entry.flight) };
  }

  /**
   * An SDK `credentials` option bound to one tenant's cache entry: the same function for as long as the
   * entry lasts, so the SDK clients a scan builds on it serve that scope's next scan too
   * (discovery/clients.ts). A new entry (invalidation, another role) gives a new one.
   */
  providerFor(target: RoleTarget): AwsCredentialIdentityProvider {
    const entry = this.entryFor(target);
    entry.provider ??= () => this.getCredentials(target);
    return entry.provider;
  }

  /** Offboarding or revocation: drop one account's session, or every session of the client. */
  invalidate(clientId: string, accountId?: string): void {
    if (accountId === undefined) this.entries.delete(clientId);
    else this.entries.get(clientId)?.delete(accountId);
  }

  stats(): BrokerStats {
    let cacheSize = 0;
    let inFlight = 0;
    for (const accounts of this.entries.values()) {
      for (const entry of accounts.values()) {
        if (entry.credentials) cacheSize += 1;
        if (entry.flight) inFlight += 1;
      }
    }
    return { cacheSize, inFlight, stsCalls: this.stsCalls };
  }

  /** Closes the STS client's sockets. */
  destroy(): void {
    this.sts.destroy();
  }

  private isFresh(credentials: SessionCredentials): boolean {
    return this.now() < credentials.expiration.getTime() - this.refreshMarginMs;
  }

  private entryFor(target: RoleTarget): Entry {
    let accounts = this.entries.get(target.clientId);
    if (!accounts) {
      accounts = new Map();
      this.entries.set(target.clientId, accounts);
    }
    const fingerprint = fingerprintOf(target);
    let entry = accounts.get(target.accountId);
    // A different role or External ID under the same key (a verify with an override ARN, a
    // re-registration) starts a new entry rather than reuse a session of the old role.
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = { fingerprint };
      accounts.set(target.accountId, entry);
    }
    return entry;
  }

  private async fly(target: RoleTarget, entry: Entry): Promise<SessionCredentials> {
    try {
      const credentials = await this.assumeRole(target);
      // Only the entry still in the cache is updated: an invalidate() during the flight wins.
      if (this.entries.get(target.clientId)?.get(target.accountId) === entry) entry.credentials = credentials;
      return credentials;
    } finally {
      // A failed flight is not cached: the next caller asks STS again.
      entry.flight = undefined;
    }
  }

  private async assumeRole(target: RoleTarget): Promise<SessionCredentials> {
    if (roleArnAccount(target.roleArn) !== target.accountId) {
      throw new AssumeRoleError(invalidRoleClassification());
    }
    this.stsCalls += 1;
    try {
      const out = await this.sts.send(
        new AssumeRoleCommand({
          RoleArn: target.roleArn,
          ExternalId: target.externalId,
          RoleSessionName: roleSessionName(target.clientId),
          SourceIdentity: sourceIdentity(target.clientId),
          DurationSeconds: this.durationSeconds,
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw Object.assign(new Error("AssumeRole returned no credentials"), { $fault: "server" });
      }
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        // Without an expiry, assume the shortest the duration allows rather than "forever".
        expiration: c.Expiration ?? new Date(this.now() + this.durationSeconds * 1000),
      };
    } catch (error) {
      throw new AssumeRoleError(classifyAssumeRoleError(error), awsErrorName(error));
    }
  }
}
