// The services test harness: a real database (Postgres or PGlite), a real AWS sandbox, and the
// control plane's own ServiceDeps pointed at it. Customer roles are created in the sandbox from the
// real CloudFormation template (renderRole), exactly as demo mode onboards a tenant, so what these
// tests verify is what a customer deploys.
import { randomBytes } from "node:crypto";
import { type AwsConfig, CredentialBroker } from "@tagc/aws";
import {
  type RoleSeedInput,
  type Sandbox,
  type PolicyDocument as SandboxPolicy,
  type SeedInput,
  startSandbox,
} from "@tagc/aws-sandbox";
import { type PolicyDocument, renderRole, TEMPLATE_VERSION } from "@tagc/cloudformation";
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
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import {
  type Actor,
  type ClientCtx,
  type Ctx,
  loadClient,
  type OnboardingConfig,
  primaryConnection,
  registerClient,
  type ServiceDeps,
  ServiceError,
} from "./verbs";

/** Every suite runs on real Postgres and on PGlite (the embedded default). */
export const KINDS: DatabaseKind[] = ["postgres", "pglite"];

// The sandbox's callers. The customer template trusts arn:aws:iam::111111111111:root, narrowed by
// aws:PrincipalArn to arn:aws:iam::111111111111:role/tagc-scanner-*.
export const CONTROL_PLANE = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/tagc-scanner-test",
  access_key_id: "AKIATAGCSVCCONTROL01",
  secret_access_key: "tagcServicesControlPlaneSecret0000000000",
};
/** Another AWS account entirely: the trust's principal does not name it. */
export const UNTRUSTED_ACCOUNT = {
  account_id: "999999999999",
  arn: "arn:aws:iam::999999999999:role/tagc-scanner-test",
  access_key_id: "AKIATAGCSVCUNTRUST01",
  secret_access_key: "tagcServicesUntrustedSecret0000000000000",
};
/** The control plane's own account, but a role outside the tagc-scanner-* pattern. */
export const OUTSIDE_PATTERN = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/billing-reader",
  access_key_id: "AKIATAGCSVCOUTSIDE01",
  secret_access_key: "tagcServicesOutsidePatternSecret00000000",
};
export type Principal = typeof CONTROL_PLANE;

/** Two customer AWS accounts, one per tenant in most suites. */
export const ACME_ACCOUNT = "222222222222";
export const GLOBEX_ACCOUNT = "333333333333";

const customerAccount = (accountId: string, name: string) => ({
  account_id: accountId,
  name,
  regions: ["us-east-1", "eu-west-1"],
  roles: [],
  resources: [
    {
      type: "ec2:instance",
      region: "us-east-1",
      id: `i-${accountId}0001`,
      tags: { Owner: `ops@${name}.example` },
    },
  ],
});

export const SEED: SeedInput = {
  control_plane: CONTROL_PLANE,
  principals: [UNTRUSTED_ACCOUNT, OUTSIDE_PATTERN],
  accounts: [customerAccount(ACME_ACCOUNT, "acme"), customerAccount(GLOBEX_ACCOUNT, "globex")],
};

export const ONBOARDING: OnboardingConfig = {
  templateUrl: `https://templates.tagc.example/tag-compliance-role-${TEMPLATE_VERSION}.yaml`,
  templateVersion: TEMPLATE_VERSION,
  defaultConsoleRegion: "us-east-1",
  roleNamePrefix: "TagComplianceReader",
  externalIdTtlHours: 48,
};

/** The clock every verb reads. Reset to the wall clock before each test, moved by hand within one. */
export class TestClock {
  private current = new Date();
  readonly now = () => new Date(this.current.getTime());
  reset(to: Date = new Date()) {
    this.current = new Date(to.getTime());
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The control plane's AWS config against the sandbox; `as` signs with another seeded caller. */
export function awsConfigFor(sandbox: Sandbox, as: Principal = CONTROL_PLANE): AwsConfig {
  return {
    region: "us-east-1",
    endpoint: sandbox.url,
    credentials: { accessKeyId: as.access_key_id, secretAccessKey: as.secret_access_key },
    // One retry keeps throttling tests fast while still exercising the SDK's retry path.
    maxAttempts: 2,
  };
}

export interface Tenant {
  id: string;
  name: string;
  accountId: string;
  externalId: string;
  roleName: string;
  roleArn: string;
}

export interface RoleOptions {
  /** Render the trust with this External ID instead of the tenant's own (a mismatched stack). */
  externalId?: string;
  /** Remove these actions from the rendered permissions (a narrowed policy). */
  withoutActions?: string[];
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
  admin(): Ctx;
  /** A tenant-bound context, with the client row loaded fresh (as the edge does per request). */
  ctxFor(clientId: string, options?: { actor?: Actor; deps?: ServiceDeps }): Promise<ClientCtx>;
  /** registerClient only: the customer has not deployed the stack yet. */
  register(name: string, accountId?: string, tier?: ClientTier): Promise<Tenant>;
  /** registerClient, then the customer's stack: the role rendered from the real template. */
  onboard(name: string, accountId: string, tier?: ClientTier): Promise<Tenant>;
  putRole(tenant: Tenant, options?: RoleOptions): void;
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

/** Rendered customer role, as the CloudFormation stack would create it. */
export function roleFromTemplate(tenant: Tenant, options: RoleOptions = {}): RoleSeedInput {
  const role = renderRole({
    externalId: options.externalId ?? tenant.externalId,
    roleName: tenant.roleName,
    controlPlaneAccountId: CONTROL_PLANE.account_id,
  });
  const drop = new Set(options.withoutActions ?? []);
  const narrowed: PolicyDocument = {
    ...role.permissionsPolicy,
    Statement: role.permissionsPolicy.Statement.map((statement) => ({
      ...statement,
      Action: [statement.Action].flat().filter((action) => !drop.has(action)),
    })).filter((statement) => statement.Action.length > 0),
  };
  return {
    name: role.roleName,
    trust_policy: toSandboxPolicy(role.trustPolicy),
    permissions_policy: toSandboxPolicy(narrowed),
    max_session_duration: role.maxSessionDuration,
  };
}

// The sandbox's policy type is a zod shape that admits unknown statement keys; the template's is exact.
const toSandboxPolicy = (document: PolicyDocument): SandboxPolicy => ({
  Version: document.Version,
  Statement: document.Statement.map((statement) => ({ ...statement })),
});

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
    closers.push(() => sandbox.stop());
    const clock = new TestClock();
    const aws = awsConfigFor(sandbox);
    const broker = new CredentialBroker({ config: aws });
    closers.push(() => broker.destroy());
    const offboarded: string[] = [];
    const db = database.handle.db;
    const deps: ServiceDeps = {
      db,
      broker,
      aws,
      onboarding: ONBOARDING,
      now: clock.now,
      onOffboard: (clientId) => {
        offboarded.push(clientId);
      },
    };

    const admin = (): Ctx => ({
      deps,
      actor: { kind: "admin", subject: "test-admin" },
      requestId: requestId(),
    });

    const register = async (name: string, accountId?: string, tier: ClientTier = "professional") => {
      const registration = await registerClient({
        ctx: admin(),
        input: {
          name,
          contact_email: `ops@${name.toLowerCase().replace(/\W+/g, "-")}.example`,
          tier,
          ...(accountId ? { aws_account_id: accountId } : {}),
        },
      });
      const connection = await primaryConnection(db, registration.client.id);
      return {
        id: registration.client.id,
        name,
        accountId: accountId ?? "",
        externalId: connection.externalId,
        roleName: connection.roleName,
        // Unknown until an admin verifies with role_arn, when the client has no account id yet.
        roleArn: accountId ? `arn:aws:iam::${accountId}:role/${connection.roleName}` : "",
      };
    };

    const putRole = (tenant: Tenant, options: RoleOptions = {}) =>
      sandbox.putRole(tenant.accountId, roleFromTemplate(tenant, options));

    harness = {
      kind,
      database,
      db,
      sandbox,
      clock,
      deps,
      offboarded,
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
        const replicaBroker = new CredentialBroker({ config: aws });
        closers.push(() => replicaBroker.destroy());
        if (database.handle.kind === "pglite") {
          // PGlite is one in-process connection: a second replica can only share it.
          return { deps: { ...deps, broker: replicaBroker }, close: async () => {} };
        }
        const handle = createDatabase({ url: database.url, poolMax: 4 });
        return { deps: { ...deps, db: handle.db, broker: replicaBroker }, close: () => handle.close() };
      },
      depsSignedBy(principal) {
        const config = awsConfigFor(sandbox, principal);
        const other = new CredentialBroker({ config });
        closers.push(() => other.destroy());
        return { ...deps, aws: config, broker: other };
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
