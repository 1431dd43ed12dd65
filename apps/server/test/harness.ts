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
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import type { Database } from "@tagc/db";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "@tagc/db/testing";
import {
  createGuardrailLimiters,
  createToolRuntime,
  MemoryCacheStore,
  type ServiceDeps,
} from "@tagc/services";
import {
  type Customer,
  listen,
  type OnboardedTenant,
  type OnboardingSteps,
  onboardTenant,
  publishSandboxTemplate,
  registrationBody,
} from "@tagc/testkit";
import { SignJWT } from "jose";
import { type App, createApp } from "../src/app";
import { appDepsFrom, awsConfigFrom, serviceDepsFrom } from "../src/deps";
import { type Env, parseEnv } from "../src/env";
import type { AppDeps } from "../src/types";
import type { IssuedKey, Registration, VerifyResult } from "./support/api-types";
import { type Contract, contractOf } from "./support/contract";
import { captureLogs, type LogCapture } from "./support/log-capture";
import { OPERATOR_ENV } from "./support/operator-env";
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

export type Tenant = OnboardedTenant & { slug: "acme" | "globex" };

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

const CUSTOMERS: (Customer & { slug: Tenant["slug"] })[] = [
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
  },
];

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const database = await createTestDatabase({ kind: options.kind });
    cleanups.push(() => database.drop());
    const sandbox = await startSandbox({ seed: testSeed() });
    await publishSandboxTemplate(sandbox.url);
    cleanups.push(() => sandbox.stop());

    const adminToken = `tagc_admin_test_${randomBytes(24).toString("base64url")}`;
    const jwtSecret = randomBytes(32).toString("hex");
    // The product's own env schema and factories, pointed at the sandbox and the test database.
    const env = parseEnv({
      ...OPERATOR_ENV,
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
    // The suites that serve /mcp add the MCP runtime through `configure`; offboarding purges this one.
    const tools = createToolRuntime({
      store: new MemoryCacheStore(),
      limiters: createGuardrailLimiters(),
      deadlineMs: env.SCAN_DEADLINE_MS,
    });
    const baseServices: ServiceDeps = {
      ...serviceDepsFrom(env, database.handle, awsConfigFrom(env), tools),
      ...(options.now ? { now: options.now } : {}),
    };
    const baseDeps = appDepsFrom(env, baseServices, logs.logger);
    const deps = options.configure ? options.configure(baseDeps, env) : baseDeps;
    const services = deps.services;
    const app = createApp(deps, database.handle);

    // Every response any suite receives through the harness is checked against the OpenAPI document.
    const contract = await contractOf(() => app.request("/v1/openapi.json"));
    const request = <T>(method: string, path: string, opts: RequestOptions = {}) =>
      send<T>(app, adminToken, method, path, opts, contract);

    const steps = restSteps(request);
    // One after the other: acme is the older client in every list.
    const tenants: Tenant[] = [];
    for (const customer of CUSTOMERS)
      tenants.push({
        ...(await onboardTenant(steps, sandbox, customer, { keyName: `${customer.slug}-harness` })),
        slug: customer.slug,
      });
    const [acme, globex] = tenants;
    if (!acme || !globex) throw new Error("harness: two tenants expected");

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
      tenants: [acme, globex],
      acme,
      globex,
      request,
      jwt: (jwtOptions = {}) => signJwt(jwtOptions.secret ?? jwtSecret, jwtOptions),
      async listen() {
        const server = await listen(app.fetch);
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
  contract: Contract,
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
  contract.assert(method, path, response, text);
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return {
    status: response.status,
    headers: response.headers,
    body: (isJson && text ? JSON.parse(text) : text) as T,
    text,
  };
}

type Send = <T>(method: string, path: string, options?: RequestOptions) => Promise<HarnessResponse<T>>;

/** Onboarding through REST, the way an operator does it. */
function restSteps(request: Send): OnboardingSteps {
  return {
    async register(customer) {
      const registered = await request<Registration>("POST", "/v1/clients", {
        headers: { "idempotency-key": `harness-${customer.slug}` },
        body: registrationBody(customer),
      });
      expectStatus(registered, 201, `register ${customer.slug}`);
      const { client, onboarding } = registered.body;
      return {
        clientId: client.id,
        externalId: onboarding.external_id,
        roleName: onboarding.role_name,
        quickCreateUrl: onboarding.quick_create_url,
      };
    },
    async verify(clientId) {
      const verified = await request<VerifyResult>("POST", `/v1/clients/${clientId}/verify`);
      expectStatus(verified, 200, `verify ${clientId}`);
      return verified.body;
    },
    async issueKey(clientId, name) {
      const key = await request<IssuedKey>("POST", `/v1/clients/${clientId}/api-keys`, { body: { name } });
      expectStatus(key, 201, `issue a key for ${clientId}`);
      return { secret: key.body.secret, id: key.body.id };
    },
  };
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
