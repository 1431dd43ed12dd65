// ServiceDeps and a tool runtime pointed at the sandbox, for suites that drive services verbs
// directly (the server suites build theirs with the product's own factories instead).
import { type AwsConfig, CredentialBroker } from "@tagc/aws";
import type { Sandbox } from "@tagc/aws-sandbox";
import { TEMPLATE_VERSION } from "@tagc/cloudformation";
import type { Database } from "@tagc/db";
import { CONTROL_PLANE, type Principal, SANDBOX_TEMPLATE_URL, type TestClock } from "@tagc/testkit";
import { MemoryCacheStore } from "../cache/memory-store";
import type { OnboardingConfig, ServiceDeps, TenantData } from "../context";
import type { DownloadConfig } from "../downloads/config";
import { createGuardrailLimiters, type GuardrailLimits } from "../guardrails/limiters";
import { createToolRuntime, type ToolRuntime } from "../tools/runtime";

export const TEST_ONBOARDING: OnboardingConfig = {
  // Published there by each harness (publishSandboxTemplate): the sandbox's CreateStack reads it.
  templateUrl: SANDBOX_TEMPLATE_URL,
  templateVersion: TEMPLATE_VERSION,
  defaultConsoleRegion: "us-east-1",
  roleNamePrefix: "TagComplianceReader",
  externalIdTtlHours: 48,
};

/** Download URLs of the services suites: nothing listens there; suites open them with openDownload. */
export const TEST_DOWNLOADS: DownloadConfig = {
  baseUrl: "http://tagc.test",
  secret: "tagc-test-download-secret-0123456789abcdef",
  ttlSeconds: 900,
};

/** The control plane's AWS config against the sandbox; `as` signs with another seeded caller. */
export function sandboxAwsConfig(sandbox: Pick<Sandbox, "url">, as: Principal = CONTROL_PLANE): AwsConfig {
  return {
    region: "us-east-1",
    endpoint: sandbox.url,
    credentials: { accessKeyId: as.access_key_id, secretAccessKey: as.secret_access_key },
    // One retry keeps throttling tests fast while still exercising the SDK's retry path.
    maxAttempts: 2,
  };
}

/** An in-memory tool runtime on the test clock (the embedded default's pieces). */
export function memoryToolRuntime(clock: TestClock, limits: Partial<GuardrailLimits> = {}): ToolRuntime {
  return createToolRuntime({
    store: new MemoryCacheStore({ now: clock.nowMs }),
    limiters: createGuardrailLimiters({ limits, now: clock.nowMs }),
    deadlineMs: 30_000,
  });
}

export interface SandboxServicesOptions {
  db: Database;
  sandbox: Pick<Sandbox, "url">;
  clock: TestClock;
  /** Where offboarding purges tenant data; a runtime, or a recorder. */
  tenantData: TenantData;
  principal?: Principal;
  onboarding?: OnboardingConfig;
  downloads?: DownloadConfig;
}

/** ServiceDeps of one replica: its own credential broker (call `broker.destroy()` when done). */
export function sandboxServices(options: SandboxServicesOptions): ServiceDeps {
  const aws = sandboxAwsConfig(options.sandbox, options.principal);
  return {
    db: options.db,
    broker: new CredentialBroker({ config: aws }),
    aws,
    onboarding: options.onboarding ?? TEST_ONBOARDING,
    downloads: options.downloads ?? TEST_DOWNLOADS,
    now: options.clock.now,
    tenantData: options.tenantData,
  };
}
