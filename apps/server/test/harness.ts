// The server's two-tenant test harness. One call gives a migrated database (Postgres or PGlite), an AWS
// sandbox, the real app built by the product's own factories, and two tenants onboarded exactly as the
// product does it: registered through REST, their customer role created in the sandbox from the real
// CloudFormation template with the External ID the registration returned, verified through REST
// (`connected`), and one API key each issued through REST.
//
//   const h = await startHarness({ kind: "postgres" });
//   const res = await h.request("GET", `/v1/clients/${h.acme.id}`);
//   const { url, close } = await h.listen(); // the same app over real HTTP, e.g. for the MCP SDK client
//   await h.close();
//
// No background loop runs (verification polling, jobs): tests drive every step themselves, and move
// time through `now` (see manualClock) instead of sleeping.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import { renderRole } from "@tagc/cloudformation";
import type { Database } from "@tagc/db";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "@tagc/db/testing";
import type { ServiceDeps } from "@tagc/services";
import { SignJWT } from "jose";
import { type App, createApp } from "../src/app";
import { appDepsFrom, awsConfigFrom, serviceDepsFrom } from "../src/deps";
import { type Env, parseEnv } from "../src/env";
import type { AppDeps } from "../src/types";
import type { IssuedKey, Registration, VerifyResult } from "./support/api-types";
import { captureLogs, type LogCapture } from "./support/log-capture";
import { ACME_ACCOUNT, CONTROL_PLANE, GLOBEX_ACCOUNT, testSeed } from "./support/seed";

export { ACME_ACCOUNT, CONTROL_PLANE, GLOBEX_ACCOUNT } from "./support/seed";
export type { DatabaseKind };
export const KINDS: DatabaseKind[] = ["postgres", "pglite"];

export const ADMIN_SCOPE = "tagc:admin";
export const PUBLIC_BASE_URL = "https://tagc.test";

export interface HarnessOptions {
  kind: DatabaseKind;
  /** The services' clock (key expiry, rotation overlap, External ID expiry, usage periods). */
  now?: () => Date;
  /** Extra environment for the server's env schema, e.g. `{ REDIS_URL }` or `{ MCP_ALLOWED_ORIGINS }`. */
  env?: Record<string, string>;
  /**
   * Adjusts the app's dependencies before the app is built, e.g. to add the MCP runtime:
   * `configure: (deps, env) => ({ ...deps, mcp: createRuntime(env, deps.logger).mcp })`.
   * The harness's `services` are the returned deps' services.
   */
  configure?: (deps: AppDeps, env: Env) => AppDeps;
}

export interface Tenant {
  slug: "acme" | "globex";
  id: string;
  name: string;
  tier: "starter" | "professional" | "enterprise";
  /** The secret of the tenant's API key (`tagc_live_…`), as issued. */
  apiKey: string;
  keyId: string;
  externalId: string;
  roleName: string;
  roleArn: string;
  accountId: string;
}

export interface RequestOptions {
  /** Bearer token; defaults to the admin bootstrap token, `null` sends no Authorization header. */
  token?: string | null;
  /** Serialised as JSON with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is (malformed JSON, oversized bodies); content-type defaults to application/json. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface HarnessResponse<T> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
  text: string;
}

export interface JwtOptions {
  /** Space-separated scopes; default the admin scope. An empty string signs a token without one. */
  scope?: string;
  /** jose time span ("5m", "-1h" for an expired token) or seconds from now; default "5m". */
  expiresIn?: string | number;
  sub?: string;
  /** Sign with another secret (a forged token). */
  secret?: string;
}

export interface Harness {
  kind: DatabaseKind;
  app: App;
  /** The app's dependencies (services, logger, metrics, admin auth) as the app received them. */
  deps: AppDeps;
  services: ServiceDeps;
  db: Database;
  database: TestDatabase;
  sandbox: Sandbox;
  env: Env;
  logs: LogCapture;
  adminToken: string;
  jwtSecret: string;
  tenants: [Tenant, Tenant];
  acme: Tenant;
  globex: Tenant;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<HarnessResponse<T>>;
  jwt(options?: JwtOptions): Promise<string>;
  /** Serves the app over real HTTP on 127.0.0.1 and a free port. */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** A clock tests move by hand; pass `clock.now` as the harness's `now`. */
export function manualClock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(date: Date) {
      current = date.getTime();
    },
  };
}

const CUSTOMERS = [
  {
    slug: "acme",
    name: "Acme Corp",
    email: "finops@acme.example",
    tier: "professional",
    account: ACME_ACCOUNT.account_id,
    region: "eu-west-1",
  },
  {
    slug: "globex",
    name: "Globex",
    email: "cloud@globex.example",
    tier: "starter",
    account: GLOBEX_ACCOUNT.account_id,
    region: undefined,
  },
] as const;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const database = await createTestDatabase({ kind: options.kind });
    cleanups.push(() => database.drop());
    const sandbox = await startSandbox({ seed: testSeed() });
    cleanups.push(() => sandbox.stop());

    const adminToken = `tagc_admin_test_${randomBytes(24).toString("base64url")}`;
    const jwtSecret = randomBytes(32).toString("hex");
    // The product's own env schema and factories, pointed at the sandbox and the test database.
    const env = parseEnv({
      NODE_ENV: "test",
      LOG_LEVEL: "debug",
      PUBLIC_BASE_URL,
      ADMIN_BOOTSTRAP_TOKEN: adminToken,
      ADMIN_JWT_SECRET: jwtSecret,
      ADMIN_SCOPE,
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_ACCESS_KEY_ID: CONTROL_PLANE.access_key_id,
      AWS_SECRET_ACCESS_KEY: CONTROL_PLANE.secret_access_key,
      ...options.env,
    });
    const logs = captureLogs(env.LOG_LEVEL);
    const baseServices: ServiceDeps = {
      ...serviceDepsFrom(env, database.handle, awsConfigFrom(env)),
      ...(options.now ? { now: options.now } : {}),
    };
    const baseDeps = appDepsFrom(env, baseServices, logs.logger);
    const deps = options.configure ? options.configure(baseDeps, env) : baseDeps;
    const services = deps.services;
    const app = createApp(deps, database.handle);

    const request = <T>(method: string, path: string, opts: RequestOptions = {}) =>
      send<T>(app, adminToken, method, path, opts);

    const tenants: [Tenant, Tenant] = [
      await onboard(request, sandbox, CUSTOMERS[0]),
      await onboard(request, sandbox, CUSTOMERS[1]),
    ];

    const listening = new Set<() => Promise<void>>();
    const harness: Harness = {
      kind: options.kind,
      app,
      deps,
      services,
      db: services.db,
      database,
      sandbox,
      env,
      logs,
      adminToken,
      jwtSecret,
      tenants,
      acme: tenants[0],
      globex: tenants[1],
      request,
      jwt: (jwtOptions = {}) => signJwt(jwtOptions.secret ?? jwtSecret, jwtOptions),
      async listen() {
        const server = await listen(app);
        const close = () => {
          listening.delete(close);
          return server.close();
        };
        listening.add(close);
        return { url: server.url, close };
      },
      async close() {
        for (const close of [...listening]) await close();
        await cleanup();
      },
    };
    return harness;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function send<T>(
  app: App,
  adminToken: string,
  method: string,
  path: string,
  options: RequestOptions,
): Promise<HarnessResponse<T>> {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? adminToken : options.token;
  if (token !== null && !headers.has("authorization")) headers.set("authorization", `Bearer ${token}`);
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const response = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return {
    status: response.status,
    headers: response.headers,
    body: (isJson && text ? JSON.parse(text) : text) as T,
    text,
  };
}

type Send = <T>(method: string, path: string, options?: RequestOptions) => Promise<HarnessResponse<T>>;

/** Onboards one customer the way an operator and the customer's cloud admin do. */
async function onboard(
  request: Send,
  sandbox: Sandbox,
  customer: (typeof CUSTOMERS)[number],
): Promise<Tenant> {
  const registered = await request<Registration>("POST", "/v1/clients", {
    headers: { "idempotency-key": `harness-${customer.slug}` },
    body: {
      name: customer.name,
      contact_email: customer.email,
      tier: customer.tier,
      aws_account_id: customer.account,
      ...(customer.region ? { region: customer.region } : {}),
    },
  });
  expectStatus(registered, 201, `register ${customer.slug}`);
  const { client, onboarding } = registered.body;

  deployRole(sandbox, customer.account, {
    externalId: onboarding.external_id,
    roleName: onboarding.role_name,
  });

  const verified = await request<VerifyResult>("POST", `/v1/clients/${client.id}/verify`);
  expectStatus(verified, 200, `verify ${customer.slug}`);
  if (verified.body.status !== "connected") {
    throw new Error(`harness: ${customer.slug} did not connect: ${JSON.stringify(verified.body)}`);
  }

  const key = await request<IssuedKey>("POST", `/v1/clients/${client.id}/api-keys`, {
    body: { name: `${customer.slug}-harness` },
  });
  expectStatus(key, 201, `issue a key for ${customer.slug}`);

  return {
    slug: customer.slug,
    id: client.id,
    name: customer.name,
    tier: customer.tier,
    apiKey: key.body.secret,
    keyId: key.body.id,
    externalId: onboarding.external_id,
    roleName: onboarding.role_name,
    roleArn: `arn:aws:iam::${customer.account}:role/${onboarding.role_name}`,
    accountId: customer.account,
  };
}

export interface DeployRoleOptions {
  externalId: string;
  roleName: string;
  /** Replaces the template's read-only actions, e.g. to narrow the role (a `degraded` client). */
  allowedActions?: string[];
}

/**
 * Creates (or replaces) in the sandbox the role the customer's CloudFormation stack creates: trust and
 * permissions rendered from the real template with the client's External ID and role name.
 */
export function deployRole(sandbox: Sandbox, accountId: string, options: DeployRoleOptions) {
  const role = renderRole({
    externalId: options.externalId,
    roleName: options.roleName,
    controlPlaneAccountId: CONTROL_PLANE.account_id,
  });
  const permissions = options.allowedActions
    ? {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: options.allowedActions, Resource: "*" }],
      }
    : role.permissionsPolicy;
  sandbox.putRole(accountId, {
    name: role.roleName,
    // The template's documents, typed by @tagc/cloudformation; the sandbox validates them with zod.
    trust_policy: role.trustPolicy as never,
    permissions_policy: permissions as never,
    max_session_duration: role.maxSessionDuration,
  });
  return role;
}

function expectStatus(response: HarnessResponse<unknown>, status: number, what: string) {
  if (response.status !== status) {
    throw new Error(`harness: ${what} answered ${response.status}, expected ${status}: ${response.text}`);
  }
}

async function signJwt(secret: string, options: JwtOptions): Promise<string> {
  const scope = options.scope ?? ADMIN_SCOPE;
  const expiresIn = options.expiresIn ?? "5m";
  const exp =
    typeof expiresIn === "number" ? Math.floor(Date.now() / 1000) + Math.round(expiresIn) : expiresIn;
  return new SignJWT(scope ? { scope } : {})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(options.sub ?? "admin@operator.test")
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
}

async function listen(app: App): Promise<{ url: string; close(): Promise<void> }> {
  let server: ReturnType<typeof serve> | undefined;
  const info = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, resolve);
    server.once("error", reject);
  });
  // Plain HTTP/1.1 (no TLS or HTTP/2 options were given), so this is a node:http Server.
  const http = server as Server;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${info.port}`,
    // Idempotent: a test may close its server and then the harness close everything.
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      });
      return closed;
    },
  };
}
