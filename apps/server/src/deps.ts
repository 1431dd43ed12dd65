// Builds the process's dependencies from the parsed environment, once.
import { createHash } from "node:crypto";
import { type AwsCallObserver, type AwsConfig, awsConfig, CredentialBroker } from "@tagc/aws";
import { TEMPLATE_VERSION } from "@tagc/cloudformation";
import type { DatabaseHandle } from "@tagc/db";
import {
  type AlertConfig,
  ApiKeyCache,
  AuditBatch,
  openDatabase as open,
  type ServiceDeps,
  SettingsCache,
  SmtpMailer,
  type TenantData,
  UsageBatch,
  WriteQueue,
} from "@tagc/services";
import pino, { type Logger } from "pino";
import type { Env } from "./env";
import { createMetrics, type Metrics } from "./metrics";
import type { AppDeps } from "./types";

export const VERSION = "0.1.0";

export function createLogger(env: Pick<Env, "LOG_LEVEL">): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: "tagc-server" },
    // Defence in depth: even if a secret reached a log call, these paths are masked.
    redact: [
      "*.external_id",
      "*.externalId",
      "*.secret",
      "*.authorization",
      "*.secretAccessKey",
      "*.sessionToken",
    ],
  });
}

export async function openDatabase(
  env: Pick<Env, "DATABASE_URL" | "DATA_DIR" | "MIGRATIONS_DIR">,
  logger: Logger,
): Promise<DatabaseHandle> {
  return open({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    migrationsDir: env.MIGRATIONS_DIR,
    onPoolError: (error) => logger.warn({ err: error }, "idle database connection failed"),
  });
}

export function awsConfigFrom(env: Env, onCall?: AwsCallObserver): AwsConfig {
  return awsConfig({
    region: env.AWS_REGION,
    ...(onCall ? { onCall } : {}),
    // The SDK's own default: discovery adds bounded retries for throttling on top, and a tool call
    // must report a throttled region well before the MCP client's 60 s timeout.
    maxAttempts: 3,
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          credentials: {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          },
        }
      : {}),
  });
}

/** The env schema requires it outside demo mode, and demo mode publishes one before building deps. */
function templateUrlOf(env: Pick<Env, "TEMPLATE_URL">): string {
  if (!env.TEMPLATE_URL) throw new Error("TEMPLATE_URL is not set: publish the template first");
  return env.TEMPLATE_URL;
}

/** Schedules' alert delivery: the operator's SMTP relay when configured, and the webhook address rule. */
export function alertConfigFrom(
  env: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "ALERT_ALLOW_PRIVATE_TARGETS" | "ALERT_TARGET_SECRET">,
  onDelivery?: AlertConfig["onDelivery"],
): AlertConfig {
  return {
    allowPrivateTargets: env.ALERT_ALLOW_PRIVATE_TARGETS,
    targetSecret: env.ALERT_TARGET_SECRET,
    ...(env.SMTP_URL && env.MAIL_FROM
      ? { mailer: new SmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }) }
      : {}),
    ...(onDelivery ? { onDelivery } : {}),
  };
}

export function serviceDepsFrom(
  env: Env,
  db: DatabaseHandle,
  aws: AwsConfig,
  tenantData: TenantData,
  onDelivery?: AlertConfig["onDelivery"],
): ServiceDeps {
  const writes = new WriteQueue({ db: db.db, max: env.WRITE_QUEUE_MAX });
  return {
    alerts: alertConfigFrom(env, onDelivery),
    db: db.db,
    tenantData,
    aws,
    broker: new CredentialBroker({ config: aws }),
    now: () => new Date(),
    writes,
    audit:
      env.AUDIT_FLUSH_MS > 0
        ? new AuditBatch({ db: db.db, flushMs: env.AUDIT_FLUSH_MS, writes, maxHeld: env.WRITE_QUEUE_MAX })
        : undefined,
    usage:
      env.AUDIT_FLUSH_MS > 0
        ? new UsageBatch({ db: db.db, flushMs: env.AUDIT_FLUSH_MS, writes, maxHeld: env.WRITE_QUEUE_MAX })
        : undefined,
    // Checked against the client's epoch in the shared cache: a change on any replica is seen at once.
    keys: new ApiKeyCache(env.KEY_CACHE_MS, {
      epochOf: (id) => tenantData.epochOf?.(id) ?? Promise.resolve(undefined),
    }),
    settings: new SettingsCache(env.SETTINGS_CACHE_MS, {
      epochOf: (id) => tenantData.epochOf?.(id) ?? Promise.resolve(undefined),
    }),
    onboarding: {
      templateUrl: templateUrlOf(env),
      templateVersion: TEMPLATE_VERSION,
      defaultConsoleRegion: env.CONSOLE_REGION,
      roleNamePrefix: env.ROLE_NAME_PREFIX,
      externalIdTtlHours: 48,
      linkSecret: env.ONBOARDING_LINK_SECRET,
    },
    downloads: { baseUrl: env.PUBLIC_BASE_URL, secret: env.DOWNLOAD_SECRET, ttlSeconds: env.DOWNLOAD_TTL_S },
  };
}

export function appDepsFrom(
  env: Env,
  services: ServiceDeps,
  logger: Logger,
  // Built before the runtime and AWS config when those report into it (index.ts).
  metrics: Metrics = createMetrics(),
): AppDeps {
  // The plain token and the hashes are all accepted, so either form can carry a rotation's new token.
  const bootstrapTokens = [
    ...(env.ADMIN_BOOTSTRAP_TOKEN
      ? [{ sha256: createHash("sha256").update(env.ADMIN_BOOTSTRAP_TOKEN).digest("hex") }]
      : []),
    ...(env.ADMIN_BOOTSTRAP_TOKEN_SHA256 ?? []),
  ];
  return {
    services,
    logger,
    metrics,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    operator: { platformAccountId: env.PLATFORM_ACCOUNT_ID, scannerRolePattern: env.SCANNER_ROLE_PATTERN },
    version: VERSION,
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
    trustedProxies: env.TRUSTED_PROXIES,
    console: { sessionSecret: env.CONSOLE_SESSION_SECRET, sessionTtlS: env.CONSOLE_SESSION_TTL_S },
    adminAuth: {
      scope: env.ADMIN_SCOPE,
      bootstrapTokens,
      maxLifetimeS: env.ADMIN_JWT_MAX_LIFETIME_S,
      clockSkewS: env.ADMIN_JWT_CLOCK_SKEW_S,
      jwtSecret: env.ADMIN_JWT_SECRET,
      jwksUrl: env.ADMIN_JWKS_URL,
      issuer: env.ADMIN_JWT_ISSUER,
      audience: env.ADMIN_JWT_AUDIENCE,
    },
  };
}
