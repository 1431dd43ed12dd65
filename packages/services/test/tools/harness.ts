// The verb-level tool harness: every tool called through callTool, with no HTTP in between, on a real
// database and the AWS sandbox with the test kit's hand-computed two-tenant world. Tenants are
// onboarded by the test kit (register → role from the real template → verify → key).
import { type Sandbox, type SeedInput, startSandbox } from "@tagc/aws-sandbox";
import { type AuditEvent, auditEvents } from "@tagc/db";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "@tagc/db/testing";
import {
  customer,
  GLOBEX_POLICY,
  HAND_COMPUTED_START,
  handComputedSeed,
  type OnboardedTenant,
  onboardTenant,
  publishSandboxTemplate,
  TestClock,
} from "@tagc/testkit";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { loadClient } from "../../src/clients/load";
import type { ServiceDeps } from "../../src/context";
import type { GuardrailLimits } from "../../src/guardrails/limiters";
import { putPolicy } from "../../src/policy/put";
import { memoryToolRuntime, sandboxServices, servicesSteps } from "../../src/testing";
import { callTool, type ToolOutcome } from "../../src/tools/call-tool";
import { type CallerCtx, toolCtx } from "../../src/tools/context";
import type { Tool, ToolOutput } from "../../src/tools/define";
import type { ToolRuntime } from "../../src/tools/runtime";

export interface CallOptions {
  scopes?: string[];
  sessionId?: string;
  keyId?: string;
}

export interface ToolsHarness {
  sandbox: Sandbox;
  services: ServiceDeps;
  runtime: ToolRuntime;
  clock: TestClock;
  acme: OnboardedTenant;
  globex: OnboardedTenant;
  ctx(tenant: OnboardedTenant, options?: CallOptions): Promise<CallerCtx>;
  call<R extends ToolOutput>(
    tenant: OnboardedTenant,
    tool: Tool<R>,
    args: unknown,
    options?: CallOptions,
  ): Promise<ToolOutcome<R>>;
  audit(tenant: OnboardedTenant, operation: string): Promise<AuditEvent[]>;
}

/** The output of a call that must succeed (fails the test with the tool's message otherwise). */
export function ok<R extends ToolOutput>(outcome: ToolOutcome<R>): R {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.output;
}

/** The error of a call that must fail. */
export function failed<R extends ToolOutput>(outcome: ToolOutcome<R>) {
  if (outcome.ok) throw new Error(`expected an error, got ${JSON.stringify(outcome.output).slice(0, 300)}`);
  return outcome.error;
}

export function useToolsHarness(
  kind: DatabaseKind,
  options: { limits?: Partial<GuardrailLimits>; seed?: () => SeedInput } = {},
) {
  let harness: ToolsHarness | undefined;
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    const database: TestDatabase = await createTestDatabase({ kind });
    closers.push(() => database.drop());
    // A suite may extend the hand-computed world (same tenants and accounts) with its own spend.
    const sandbox = await startSandbox({ seed: (options.seed ?? handComputedSeed)() });
    await publishSandboxTemplate(sandbox.url);
    closers.push(() => sandbox.stop());
    const clock = new TestClock(HAND_COMPUTED_START);
    const runtime = memoryToolRuntime(clock, options.limits);
    const services = sandboxServices({ db: database.handle.db, sandbox, clock, tenantData: runtime });
    closers.push(async () => services.broker.destroy());
    const steps = servicesSteps(services, "tools-test");
    const acme = await onboardTenant(steps, sandbox, customer("acme", "222222222222", "enterprise"));
    const globex = await onboardTenant(steps, sandbox, customer("globex", "333333333333", "starter"));
    const admin = {
      deps: services,
      actor: { kind: "admin" as const, subject: "tools-test" },
      requestId: "t",
    };
    await putPolicy({
      ctx: { ...admin, client: await loadClient(services.db, globex.id) },
      input: { document: GLOBEX_POLICY },
    });

    const ctx = async (tenant: OnboardedTenant, call: CallOptions = {}): Promise<CallerCtx> => {
      const keyId = call.keyId ?? tenant.keyId;
      const base = {
        deps: services,
        actor: { kind: "api_key" as const, keyId },
        requestId: `req_${Math.random().toString(36).slice(2, 10)}`,
        client: await loadClient(services.db, tenant.id),
      };
      return {
        ...toolCtx(base, runtime),
        runtime,
        key: { id: keyId, scopes: call.scopes ?? ["mcp:tools"] },
        sessionId: call.sessionId,
      };
    };
    harness = {
      sandbox,
      services,
      runtime,
      clock,
      acme,
      globex,
      ctx,
      call: async (tenant, tool, args, call) => callTool(await ctx(tenant, call), tool, args),
      audit: (tenant, operation) =>
        services.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.clientId, tenant.id), eq(auditEvents.operation, operation)))
          .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id)),
    };
  }, 120_000);

  beforeEach(() => {
    harness?.clock.set(HAND_COMPUTED_START);
    harness?.sandbox.setFaults({});
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  });

  return () => {
    if (!harness) throw new Error("the tools harness is not ready (beforeAll failed?)");
    return harness;
  };
}
