// The services test harness: a real database (Postgres or PGlite), a real AWS sandbox, and the
// control plane's own ServiceDeps pointed at it. Customer roles are created in the sandbox from the
// real CloudFormation template (the test kit's deployRole), exactly as demo mode onboards a tenant, so
// what these tests verify is what a customer deploys.
import { randomBytes } from "node:crypto";
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import {
  type AuditEvent,
  type AwsConnection,
  auditEvents,
  awsConnections,
  type Client,
  type ClientTier,
  createDatabase,
  type Database,
} from "@tagc/db";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "@tagc/db/testing";
import {
  ACME_ACCOUNT,
  CONTROL_PLANE,
  deployRole,
  GLOBEX_ACCOUNT,
  type Principal,
  publishSandboxTemplate,
  type RoleOptions,
  sandboxSeed,
  TestClock,
} from "@tagc/testkit";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { sandboxServices, servicesSteps, TEST_ONBOARDING } from "../src/testing";
import {
  type Actor,
  type ClientCtx,
  type Ctx,
  loadClient,
  primaryConnection,
  type ServiceDeps,
  ServiceError,
} from "./verbs";

export {
  ACME_ACCOUNT,
  CONTROL_PLANE,
  GLOBEX_ACCOUNT,
  HOUR,
  MINUTE,
  OUTSIDE_PATTERN,
  type Principal,
  TestClock,
  UNTRUSTED_ACCOUNT,
} from "@tagc/testkit";
export { sandboxAwsConfig as awsConfigFor } from "../src/testing";

/** Every suite runs on real Postgres and on PGlite (the embedded default). */
export const KINDS: DatabaseKind[] = ["postgres", "pglite"];

const customerAccount = (accountId: string, name: string) => ({
  account_id: accountId,
  name,
  regions: ["us-east-1", "eu-west-1"],
  resources: [
    {
      type: "ec2:instance",
      region: "us-east-1",
      id: `i-${accountId}0001`,
      tags: { Owner: `ops@${name}.example` },
    },
  ],
});

export const SEED = sandboxSeed(
  [customerAccount(ACME_ACCOUNT, "acme"), customerAccount(GLOBEX_ACCOUNT, "globex")],
  { otherCallers: true },
);

export const ONBOARDING = TEST_ONBOARDING;

export interface Tenant {
  id: string;
  name: string;
  accountId: string;
  externalId: string;
  roleName: string;
  roleArn: string;
}

export interface Harness {
  kind: DatabaseKind;
  database: TestDatabase;
  db: Database;
  sandbox: Sandbox;
  clock: TestClock;
  deps: ServiceDeps;
  /** Client ids passed to deps.onOffboard, in call order. */
  offboarded: string[];
  /** Client ids passed to deps.tenantData.revoke (their cached answers dropped), in call order. */
  revoked: string[];
  admin(): Ctx;
  /** A tenant-bound context, with the client row loaded fresh (as the edge does per request). */
  ctxFor(clientId: string, options?: { actor?: Actor; deps?: ServiceDeps }): Promise<ClientCtx>;
  /** registerClient only: the customer has not deployed the stack yet. */
  register(name: string, accountId?: string, tier?: ClientTier): Promise<Tenant>;
  /** registerClient, then the customer's stack: the role rendered from the real template. */
  onboard(name: string, accountId: string, tier?: ClientTier): Promise<Tenant>;
  /** Deploys the tenant's role (the in-process sandbox stores it at once; the promise is for symmetry). */
  putRole(tenant: Tenant, options?: RoleOptions): Promise<unknown>;
  deleteRole(tenant: Tenant): void;
  connection(clientId: string): Promise<AwsConnection>;
  clientRow(clientId: string): Promise<Client>;
  auditRows(clientId: string, operation?: string): Promise<AuditEvent[]>;
  /** ServiceDeps of another replica: its own broker and, on Postgres, its own pool on the same database. */
  replica(): Promise<{ deps: ServiceDeps; close(): Promise<void> }>;
  /** ServiceDeps whose AWS calls are signed by another seeded caller. */
  depsSignedBy(principal: Principal): ServiceDeps;
  /** AssumeRole calls made by the control plane so far. */
  assumeRoleCalls(): number;
}

export const requestId = () => `req_${randomBytes(6).toString("hex")}`;

/**
 * One database, one sandbox and one ServiceDeps for the enclosing describe block (one PGlite per
 * file and kind: its start-up is slow). The clock is reset before every test.
 */
export function useHarness(kind: DatabaseKind): () => Harness {
  let harness: Harness | undefined;
  // Undone in reverse order after the block, including whatever a failed beforeAll had already made.
  const closers: (() => unknown)[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase({ kind });
    closers.push(() => database.drop());
    const sandbox = await startSandbox({ seed: SEED });
    await publishSandboxTemplate(sandbox.url);
    closers.push(() => sandbox.stop());
    const clock = new TestClock();
    const offboarded: string[] = [];
    const revoked: string[] = [];
    const db = database.handle.db;
    const deps: ServiceDeps = sandboxServices({
      db,
      sandbox,
      clock,
      tenantData: {
        purge: async (clientId) => void offboarded.push(clientId),
        revoke: async (clientId) => void revoked.push(clientId),
      },
    });
    closers.push(() => deps.broker.destroy());

    const admin = (): Ctx => ({
      deps,
      actor: { kind: "admin", subject: "test-admin" },
      requestId: requestId(),
    });

    const steps = servicesSteps(deps, "test-admin");
    const register = async (name: string, accountId?: string, tier: ClientTier = "professional") => {
      const registered = await steps.register({
        slug: name,
        name,
        email: `ops@${name.toLowerCase().replace(/\W+/g, "-")}.example`,
        tier,
        account: accountId,
      });
      return {
        id: registered.clientId,
        name,
        accountId: accountId ?? "",
        externalId: registered.externalId,
        roleName: registered.roleName,
        // Unknown until an admin verifies with role_arn, when the client has no account id yet.
        roleArn: accountId ? `arn:aws:iam::${accountId}:role/${registered.roleName}` : "",
      };
    };

    const putRole = (tenant: Tenant, options: RoleOptions = {}) => deployRole(sandbox, tenant, options);

    harness = {
      kind,
      database,
      db,
      sandbox,
      clock,
      deps,
      offboarded,
      revoked,
      admin,
      async ctxFor(clientId, options = {}) {
        const ctxDeps = options.deps ?? deps;
        return {
          deps: ctxDeps,
          actor: options.actor ?? { kind: "admin", subject: "test-admin" },
          requestId: requestId(),
          client: await loadClient(ctxDeps.db, clientId),
        };
      },
      register,
      async onboard(name, accountId, tier) {
        const tenant = await register(name, accountId, tier);
        putRole(tenant);
        return tenant;
      },
      putRole,
      deleteRole(tenant) {
        expect(sandbox.deleteRole(tenant.accountId, tenant.roleName)).toBe(true);
      },
      connection: (clientId) => primaryConnection(db, clientId),
      clientRow: (clientId) => loadClient(db, clientId),
      auditRows: (clientId, operation) =>
        db
          .select()
          .from(auditEvents)
          .where(
            operation
              ? and(eq(auditEvents.clientId, clientId), eq(auditEvents.operation, operation))
              : eq(auditEvents.clientId, clientId),
          )
          .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id)),
      async replica() {
        // PGlite is one in-process connection: a second replica can only share it.
        const handle =
          database.handle.kind === "pglite" ? undefined : createDatabase({ url: database.url, poolMax: 4 });
        const replica = sandboxServices({
          db: handle?.db ?? db,
          sandbox,
          clock,
          tenantData: deps.tenantData,
        });
        closers.push(() => replica.broker.destroy());
        return { deps: replica, close: async () => void (await handle?.close()) };
      },
      depsSignedBy(principal) {
        const other = sandboxServices({ db, sandbox, clock, tenantData: deps.tenantData, principal });
        closers.push(() => other.broker.destroy());
        return other;
      },
      assumeRoleCalls: () => sandbox.counters().by_caller[CONTROL_PLANE.arn]?.["sts:AssumeRole"] ?? 0,
    };
  });

  beforeEach(() => {
    harness?.clock.reset();
    harness?.sandbox.setFaults({});
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  return () => {
    if (!harness) throw new Error("the harness is not ready (beforeAll failed?)");
    return harness;
  };
}

/** The ServiceError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function serviceError(promise: Promise<unknown>): Promise<ServiceError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error(`expected a ServiceError, got ${JSON.stringify(result)}`);
}

/** Asserts a value, serialized whole, never contains any of the secrets. */
export function expectFreeOf(value: unknown, ...secrets: string[]) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(text).not.toContain(secret);
  }
}

/** Takes every pending connection out of the background sweep's reach (each test starts clean). */
export async function parkPendingConnections(db: Database) {
  await db.update(awsConnections).set({ nextCheckAt: null }).where(eq(awsConnections.status, "pending"));
}

/** The transaction that last wrote a row: equal xmin means one transaction wrote both rows. */
export async function xminOf(
  db: Database,
  table: "clients" | "aws_connections" | "audit_events",
  id: string,
) {
  const result = await db.execute<{ xmin: string }>(
    sql`select xmin::text as xmin from ${sql.identifier(table)} where id = ${id}`,
  );
  const row = result.rows[0];
  if (!row) throw new Error(`${table} ${id} not found`);
  return row.xmin;
}
