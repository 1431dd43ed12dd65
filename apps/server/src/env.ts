// The one place that reads process.env: parsed once at boot; a bad value stops the process with the
// variable named. Everything else receives configuration as arguments.
import { parseS3TemplateUrl } from "@tagc/cloudformation";
import { z } from "zod";
import { isProxyEntry } from "./middleware/trusted-proxies";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1");
const optionalUrl = z.url().optional();

export const TEMPLATE_URL_HINT =
  "must be an S3 https URL like https://BUCKET.s3.REGION.amazonaws.com/KEY (CloudFormation reads templates only from S3); publish one with pnpm tagc publish-template";

/** The sandbox's control-plane account: the demo's operator. */
export const DEMO_PLATFORM_ACCOUNT_ID = "111111111111";

/**
 * Demo mode only (the superRefine refuses a missing secret anywhere else): a fixed, public value,
 * so every demo process verifies the links another one issued. A random per-boot secret would break
 * links as soon as two processes serve; anyone who reads this file can forge a demo link, which is
 * fine for a loopback sandbox and the reason it is refused outside demo mode.
 */
export const DEMO_ONBOARDING_LINK_SECRET = "tagc-demo-onboarding-link-secret-not-for-production";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().default("127.0.0.1"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Where clients reach this server; default http://localhost:<PORT>, so the demo's URLs follow PORT. */
    PUBLIC_BASE_URL: z.url().optional(),
    /** Which roles this process runs: any of api, mcp, worker (comma-separated), or all. */
    PROCESS_ROLES: z
      .string()
      .default("all")
      .transform((v) => v.split(",").map((role) => role.trim()))
      .pipe(
        z
          .array(
            z.enum(["all", "api", "mcp", "worker"], {
              error: 'must be "all" or a comma-separated list of api, mcp, worker',
            }),
          )
          .min(1),
      )
      .transform((roles) => new Set(roles.includes("all") ? ["api", "mcp", "worker"] : roles)),

    /** PostgreSQL 15+; unset means the embedded PGlite under DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    DATA_DIR: z.string().default(".data/pglite"),
    /** Where the SQL migrations are; the repository's /migrations when unset (the Docker image sets it). */
    MIGRATIONS_DIR: z.string().optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// URL")
      .optional(),

    /** Bootstrap admin token (hashed at boot, never stored) or its SHA-256 hex. */
    ADMIN_BOOTSTRAP_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
    /**
     * One or more SHA-256 hex hashes, comma-separated, each optionally ending "@<ISO time>" after which
     * it is refused: "old@2026-01-31T00:00:00Z,new" rotates the token with both accepted meanwhile.
     */
    ADMIN_BOOTSTRAP_TOKEN_SHA256: z
      .string()
      .transform((v) => v.split(",").map((entry) => entry.trim()))
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^[0-9a-f]{64}(@\S+)?$/,
              "must be comma-separated 64-hex-character hashes, each optionally followed by @<ISO time>",
            )
            .transform((entry) => {
              const [sha256 = "", until] = entry.split("@");
              return { sha256, until: until === undefined ? undefined : new Date(until) };
            })
            .refine((hash) => !hash.until || !Number.isNaN(hash.until.getTime()), {
              message: "the time after @ must be an ISO 8601 date-time",
            }),
        ),
      )
      .optional(),
    /** Admin JWTs: an HS256 shared secret or the operator SSO's JWKS URL. */
    ADMIN_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ADMIN_JWKS_URL: optionalUrl,
    ADMIN_JWT_ISSUER: z.string().optional(),
    ADMIN_JWT_AUDIENCE: z.string().optional(),
    ADMIN_SCOPE: z.string().default("tagc:admin"),
    /** The longest lifetime an admin JWT may have (exp − iat, or exp − now without iat). */
    ADMIN_JWT_MAX_LIFETIME_S: z.coerce
      .number()
      .int()
      .min(60)
      .max(86_400 * 7)
      .default(3600),
    /** Clock difference tolerated between the token issuer and this server (exp, nbf, iat). */
    ADMIN_JWT_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(300).default(30),

    /** The control plane's STS region (regional endpoint) and AWS credentials (standard variables). */
    AWS_REGION: z.string().default("us-east-1"),
    AWS_ENDPOINT_URL: optionalUrl,
    AWS_ACCESS_KEY_ID: z.string().optional(),
    AWS_SECRET_ACCESS_KEY: z.string().optional(),
    AWS_SESSION_TOKEN: z.string().optional(),

    /**
     * The operator's AWS account (12 digits): the one every customer role trusts, and the one this
     * server's own identity must be in. Required outside demo mode; the demo uses the sandbox's.
     */
    PLATFORM_ACCOUNT_ID: z
      .string()
      .regex(/^\d{12}$/, "must be the 12-digit AWS account id of the control plane")
      .optional(),
    /** The scanner role names the customer's trust allows (aws:PrincipalArn), as a glob: * and ?. */
    SCANNER_ROLE_PATTERN: z
      .string()
      .regex(/^[\w+=,.@*?-]{1,64}$/, "must be an IAM role name glob (letters, digits, +=,.@_- and * ?)")
      .default("tagc-scanner-*"),
    /**
     * The versioned S3 https URL of the published role template, used in quick-create links.
     * Required outside demo mode: CloudFormation reads templates only from S3, so the server's own
     * /v1/templates copy (http, any host) would be refused by the customer's console.
     */
    TEMPLATE_URL: optionalUrl,
    /** Signs the customer's onboarding links (HS256); required outside demo mode. */
    ONBOARDING_LINK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /**
     * Signs MCP session ids (HMAC); every replica needs the same. Defaults to ONBOARDING_LINK_SECRET
     * (the key is derived per purpose, so neither token can stand in for the other).
     */
    MCP_SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /**
     * Signs the download URLs of bulk tool results (HMAC); every replica needs the same. Defaults to
     * ONBOARDING_LINK_SECRET (the key is derived per purpose).
     */
    DOWNLOAD_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /**
     * Signs the operator console's session cookie (HMAC); every replica needs the same. Defaults to
     * ONBOARDING_LINK_SECRET (the key is derived per purpose, so no other token can stand in for it).
     */
    CONSOLE_SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /**
     * Seals the schedules' Slack and Teams webhook URLs at rest (AES-256-GCM); every replica and worker
     * needs the same, and changing it makes the stored URLs unreadable (their deliveries fail until
     * the schedule is set again). Defaults to ONBOARDING_LINK_SECRET (the key is derived per purpose).
     */
    ALERT_TARGET_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** How long a console sign-in lasts, in seconds (5 minutes to 1 day); never past an admin JWT's exp. */
    CONSOLE_SESSION_TTL_S: z.coerce.number().int().min(300).max(86_400).default(28_800),
    /** How long a download URL works, in seconds (1 minute to 1 day). */
    DOWNLOAD_TTL_S: z.coerce.number().int().min(60).max(86_400).default(900),
    CONSOLE_REGION: z.string().default("us-east-1"),
    ROLE_NAME_PREFIX: z
      .string()
      .regex(/^[\w+=,.@-]{1,50}$/)
      .default("TagComplianceReadOnly"),
    VERIFY_INTERVAL_MS: z.coerce.number().int().min(1000).default(10_000),

    /** Background jobs (PROCESS_ROLES worker): the daily snapshot's UTC time, "HH:MM". */
    DAILY_SNAPSHOT_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour, UTC)")
      .default("02:00"),
    /** Scheduled audit reports are POSTed here as JSON; unset, they are logged (the embedded default). */
    NOTIFY_WEBHOOK_URL: optionalUrl,
    /**
     * The operator's SMTP relay for schedules' e-mail targets, e.g. smtps://user:pass@smtp.example.com:465;
     * unset, a schedule cannot name e-mail targets (Slack and Teams still work).
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    /** The From of alert e-mails, e.g. "Tag Compliance <alerts@example.com>"; required with SMTP_URL. */
    MAIL_FROM: z.string().min(3).max(320).optional(),
    /**
     * Tests and local setups only: let schedules' Slack and Teams webhooks use http and private,
     * loopback or link-local addresses. Off (the default), only https to public addresses is accepted.
     */
    ALERT_ALLOW_PRIVATE_TARGETS: bool,
    /** How often each worker ticks the scheduler and looks for due jobs. */
    WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    /** Jobs this process runs at once. */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),

    /** Browser origins allowed to call /mcp (comma-separated); requests without Origin always pass. */
    MCP_ALLOWED_ORIGINS: z.string().default(""),
    MCP_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /**
     * Load balancers whose X-Forwarded-For the per-IP limits believe (CIDRs or addresses,
     * comma-separated); empty: the socket address only, and the header is ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().refine(isProxyEntry, "must be comma-separated CIDRs or IP addresses"))),
    /** A scan stops here and returns what it has (partial); it may run past SCAN_FOREGROUND_MS. */
    SCAN_DEADLINE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(600_000),
    /**
     * How long an MCP call waits for a scan before answering "still running" (the scan goes on and
     * the same call again returns its result): below the ~60 s claude.ai and Claude Desktop allow.
     */
    SCAN_FOREGROUND_MS: z.coerce.number().int().min(1000).max(55_000).default(40_000),
    /**
     * Audit and usage rows held in memory while Postgres is unreachable, written when it returns; past
     * this many, records are dropped and counted (tagc_write_queue_dropped_total).
     */
    WRITE_QUEUE_MAX: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
    /**
     * Tool calls' audit rows and warm calls' scan usage events are written in batches this often
     * (ms): the most of them a crash can lose (a graceful stop flushes them). 0 writes each call's
     * rows before it answers.
     */
    AUDIT_FLUSH_MS: z.coerce.number().int().min(0).max(10_000).default(200),
    /**
     * How long the MCP edge trusts an accepted API key without reading it again (ms). A revocation
     * through any replica is seen at once (the client's epoch in the shared cache); this bounds only
     * changes written around the services. 0 reads the key on every request.
     */
    KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /**
     * How long a scan trusts a client's policy and connections without reading them again (ms). A
     * change through any replica or the worker is seen at once (the shared epoch); this bounds only
     * changes written around the services. 0 reads them on every call.
     */
    SETTINGS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /** Cold scans this process runs at once, all tenants together (a fair queue shares the slots). */
    SCAN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** Cold scans one tenant runs at once in this process; more wait in the fair queue. */
    SCAN_CONCURRENCY_PER_CLIENT: z.coerce.number().int().min(1).max(64).default(2),
    /**
     * AWS calls all cold scans together keep in flight while other calls are in flight: parsing their
     * answers shares the one event loop with every warm call. Unpaced when nothing else runs.
     */
    SCAN_BUSY_AWS_CALLS: z.coerce.number().int().min(1).max(1000).default(2),
    /** On SIGTERM, how long in-flight requests, scans and jobs may take before the process exits. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(25_000),

    /** When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),

    /** Demo mode: start the AWS sandbox in-process, register two clients and print their keys. */
    DEMO: bool,
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4566),
  })
  .refine((env) => !env.AWS_ACCESS_KEY_ID === !env.AWS_SECRET_ACCESS_KEY, {
    message: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together",
    path: ["AWS_SECRET_ACCESS_KEY"],
  })
  .refine((env) => !env.SMTP_URL || env.MAIL_FROM, {
    message: "is required with SMTP_URL: the From address of alert e-mails",
    path: ["MAIL_FROM"],
  })
  .superRefine((env, issues) => {
    // The demo runs against the in-process sandbox, whose S3 is plain http on loopback.
    if (env.DEMO) return;
    const missing = (field: string, message: string) =>
      issues.addIssue({ code: "custom", path: [field], message });
    if (!env.PLATFORM_ACCOUNT_ID) {
      missing(
        "PLATFORM_ACCOUNT_ID",
        "is required outside demo mode: the 12-digit AWS account id the scanner role runs in",
      );
    }
    if (!env.ONBOARDING_LINK_SECRET) {
      missing("ONBOARDING_LINK_SECRET", "is required outside demo mode (at least 32 random characters)");
    }
    if (!env.TEMPLATE_URL || !parseS3TemplateUrl(env.TEMPLATE_URL))
      missing("TEMPLATE_URL", TEMPLATE_URL_HINT);
  })
  .transform((env) => ({
    ...env,
    PLATFORM_ACCOUNT_ID: env.PLATFORM_ACCOUNT_ID ?? DEMO_PLATFORM_ACCOUNT_ID,
    ONBOARDING_LINK_SECRET: env.ONBOARDING_LINK_SECRET ?? DEMO_ONBOARDING_LINK_SECRET,
    MCP_SESSION_SECRET: env.MCP_SESSION_SECRET ?? env.ONBOARDING_LINK_SECRET ?? DEMO_ONBOARDING_LINK_SECRET,
    DOWNLOAD_SECRET: env.DOWNLOAD_SECRET ?? env.ONBOARDING_LINK_SECRET ?? DEMO_ONBOARDING_LINK_SECRET,
    CONSOLE_SESSION_SECRET:
      env.CONSOLE_SESSION_SECRET ?? env.ONBOARDING_LINK_SECRET ?? DEMO_ONBOARDING_LINK_SECRET,
    ALERT_TARGET_SECRET: env.ALERT_TARGET_SECRET ?? env.ONBOARDING_LINK_SECRET ?? DEMO_ONBOARDING_LINK_SECRET,
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
  }));

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`invalid environment:\n${lines.join("\n")}`);
}
