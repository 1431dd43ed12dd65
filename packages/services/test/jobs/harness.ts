// The job suites' harness: a real database (Postgres, or PGlite for the embedded default), a real AWS
// sandbox, and two tenants onboarded the way the product does it (registered, their role rendered from
// the real CloudFormation template, verified). Each "replica" has its own credential broker and, on
// Postgres, its own pool on the same database, as two server processes would.
import { randomBytes } from "node:crypto";
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import {
  type Client,
  complianceSnapshots,
  createDatabase,
  type Database,
  jobs,
  tenantTables,
} from "@tagc/db";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "@tagc/db/testing";
import { deployRole, onboardTenant, publishSandboxTemplate, TestClock } from "@tagc/testkit";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { loadClient } from "../../src/clients/load";
import type { ClientCtx, ServiceDeps } from "../../src/context";
import { LogNotifier } from "../../src/jobs/notify/log-notifier";
import type { Notifier, ReportNotification } from "../../src/jobs/notify/notifier";
import { tick } from "../../src/jobs/tick";
import { DEFAULT_JOB_CONFIG, type JobConfig, type JobDeps } from "../../src/jobs/types";
import { workJobs } from "../../src/jobs/work";
import { memoryToolRuntime, sandboxServices, servicesSteps } from "../../src/testing";
import { type ToolCtx, toolCtx } from "../../src/tools/context";
import { ACME_ACCOUNT, CONTROL_PLANE, GLOBEX_ACCOUNT, seed } from "./world";

export { DAY, HOUR, MINUTE, TestClock } from "@tagc/testkit";

export interface Tenant {
  id: string;
  name: string;
  accountId: string;
  externalId: string;
  roleName: string;
}

/** A notifier that keeps what it was given, as the log notifier would have logged it. */
export class RecordingNotifier implements Notifier {
  readonly kind = "recording";
  readonly sent: ReportNotification[] = [];
  readonly logged: Record<string, unknown>[] = [];
  private readonly log = new LogNotifier((entry) => this.logged.push(entry));
  async send(notification: ReportNotification) {
    this.sent.push(notification);
    await this.log.send(notification);
  }
}

export interface Replica {
  name: string;
  deps: JobDeps;
  notifier: RecordingNotifier;
  /** One tick of this replica's scheduler at the shared clock. */
  tick(): ReturnType<typeof tick>;
  /** Claims and runs due jobs until none is left, on `lanes` concurrent lanes. */
  work(lanes?: number): Promise<Awaited<ReturnType<typeof workJobs>>>;
}

export interface JobsHarness {
  kind: DatabaseKind;
  database: TestDatabase;
  db: Database;
  sandbox: Sandbox;
  clock: TestClock;
  /** The first replica (the harness's own database handle). */
  main: Replica;
  acme: Tenant;
  globex: Tenant;
  /** Another replica: on Postgres a second pool on the same database. Closed with the harness. */
  replica(name: string, config?: Partial<JobConfig>): Replica;
  services(): ServiceDeps;
  clientCtx(clientId: string): Promise<ClientCtx>;
  toolCtx(clientId: string): Promise<ToolCtx>;
  client(clientId: string): Promise<Client>;
  onboard(name: string, accountId: string): Promise<Tenant>;
  putRole(tenant: Tenant, withoutActions?: string[]): void;
  /** AssumeRole calls the control plane made so far. */
  assumeRoleCalls(): number;
  /** GetCallerIdentity calls: exactly one per verification. */
  verifications(): number;
  snapshots(
    clientId: string,
    kind?: "scheduled" | "ad_hoc",
  ): Promise<(typeof complianceSnapshots.$inferSelect)[]>;
  jobsOf(clientId: string): Promise<(typeof jobs.$inferSelect)[]>;
  /** Rows per tenant table for one client: "no new rows" compares two of these. */
  rowCounts(clientId: string): Promise<Record<string, number>>;
}

export const requestId = () => `req_${randomBytes(6).toString("hex")}`;

/** One harness per describe block: a database, a sandbox and the two tenants, onboarded at `start`. */
export function useJobsHarness(
  kind: DatabaseKind,
  options: { start?: Date; config?: Partial<JobConfig> } = {},
) {
  let harness: JobsHarness | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase({ kind });
    cleanups.push(() => database.drop());
    const sandbox = await startSandbox({ seed: seed() });
    await publishSandboxTemplate(sandbox.url);
    cleanups.push(() => sandbox.stop());
    const clock = new TestClock(options.start);
    const config: JobConfig = { ...DEFAULT_JOB_CONFIG, recheckDelayMs: 0, ...options.config };

    const makeReplica = (name: string, db: Database, overrides: Partial<JobConfig> = {}): Replica => {
      const notifier = new RecordingNotifier();
      // The cache honours the test clock, so a day later nothing cached is still fresh.
      const runtime = memoryToolRuntime(clock);
      const services = sandboxServices({ db, sandbox, clock, tenantData: runtime });
      cleanups.push(async () => services.broker.destroy());
      const deps: JobDeps = { services, runtime, notifier, config: { ...config, ...overrides } };
      return {
        name,
        deps,
        notifier,
        tick: () => tick({ deps }),
        async work(lanes = 1) {
          const runs = await Promise.all(
            Array.from({ length: lanes }, (_, lane) => workJobs({ deps, workerId: `${name}#${lane}` })),
          );
          return runs.flat();
        },
      };
    };

    const db = database.handle.db;
    const main = makeReplica("main", db);
    const services = main.deps.services;
    const admin = () => ({
      deps: services,
      actor: { kind: "admin" as const, subject: "jobs-test" },
      requestId: requestId(),
    });

    const putRole = (tenant: Tenant, withoutActions: string[] = []) =>
      void deployRole(sandbox, tenant, { withoutActions });

    const steps = servicesSteps(services, "jobs-test");
    const onboard = async (name: string, accountId: string): Promise<Tenant> =>
      onboardTenant(
        steps,
        sandbox,
        {
          slug: name,
          name,
          email: `ops@${name.toLowerCase()}.example`,
          tier: "professional",
          account: accountId,
        },
        { key: false },
      );

    const acme = await onboard("Acme", ACME_ACCOUNT);
    const globex = await onboard("Globex", GLOBEX_ACCOUNT);

    harness = {
      kind,
      database,
      db,
      sandbox,
      clock,
      main,
      acme,
      globex,
      replica(name, overrides) {
        if (database.handle.kind === "pglite") return makeReplica(name, db, overrides);
        // Its own pool on the same database: a second process as far as Postgres can tell.
        const handle = createDatabase({ url: database.url, poolMax: 4 });
        cleanups.push(() => handle.close());
        return makeReplica(name, handle.db, overrides);
      },
      services: () => services,
      clientCtx: async (clientId) => ({ ...admin(), client: await loadClient(db, clientId) }),
      toolCtx: async (clientId) =>
        toolCtx({ ...admin(), client: await loadClient(db, clientId) }, main.deps.runtime),
      client: (clientId) => loadClient(db, clientId),
      onboard,
      putRole,
      assumeRoleCalls: () => sandbox.counters().by_caller[CONTROL_PLANE.arn]?.["sts:AssumeRole"] ?? 0,
      verifications: () => sandbox.counters().by_operation["sts:GetCallerIdentity"] ?? 0,
      snapshots: (clientId, snapshotKind) =>
        db
          .select()
          .from(complianceSnapshots)
          .where(
            snapshotKind
              ? and(eq(complianceSnapshots.clientId, clientId), eq(complianceSnapshots.kind, snapshotKind))
              : eq(complianceSnapshots.clientId, clientId),
          )
          .orderBy(complianceSnapshots.createdAt),
      jobsOf: (clientId) =>
        db.select().from(jobs).where(eq(jobs.clientId, clientId)).orderBy(jobs.runAt, jobs.id),
      async rowCounts(clientId) {
        const counts: Record<string, number> = {};
        for (const [name, table] of Object.entries(tenantTables)) {
          const [row] = await db.select({ n: count() }).from(table).where(eq(table.clientId, clientId));
          counts[name] = Number(row?.n ?? 0);
        }
        return counts;
      },
    };
  }, 180_000);

  beforeEach(() => {
    harness?.sandbox.setFaults({});
  });

  afterAll(async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  });

  return () => {
    if (!harness) throw new Error("the jobs harness is not ready (beforeAll failed?)");
    return harness;
  };
}
