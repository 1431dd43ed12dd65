// Demo mode (`pnpm start`): the AWS sandbox runs in-process with two customer accounts; each
// customer's role is created from the real CloudFormation template (trust and permissions rendered
// with that client's External ID), then both clients are registered, verified and given a key.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { loadSeedFile, type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import { renderRole } from "@tagc/cloudformation";
import {
  issueApiKey,
  loadClient,
  primaryConnection,
  registerClient,
  type ServiceDeps,
  verifyClient,
} from "@tagc/services";
import type { Logger } from "pino";
import type { Env } from "../env";
import type { AppDeps } from "../types";
import { printDemoSummary } from "./summary";

const DEMO_SEED = fileURLToPath(new URL("../../../aws-sandbox/seeds/demo.json", import.meta.url));

export const DEMO_CUSTOMERS = [
  {
    key: "demo-acme",
    name: "Acme Corp",
    email: "finops@acme.example",
    tier: "professional",
    account: "222222222222",
  },
  {
    key: "demo-globex",
    name: "Globex",
    email: "cloud@globex.example",
    tier: "starter",
    account: "333333333333",
  },
] as const;

export async function startDemo(env: Env, logger: Logger) {
  const seed = await loadSeedFile(DEMO_SEED);
  // The seed's roles are replaced by roles rendered from the template once External IDs exist.
  for (const account of seed.accounts) account.roles = [];
  const sandbox: Sandbox = await startSandbox({ seed, port: env.SANDBOX_PORT });
  logger.info({ url: sandbox.url }, "demo: AWS sandbox started");
  const adminToken = env.ADMIN_BOOTSTRAP_TOKEN ?? `demo_admin_${randomBytes(18).toString("base64url")}`;
  const demoEnv: Env = {
    ...env,
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: seed.control_plane.access_key_id,
    AWS_SECRET_ACCESS_KEY: seed.control_plane.secret_access_key,
    AWS_SESSION_TOKEN: undefined,
    ADMIN_BOOTSTRAP_TOKEN: adminToken,
    ADMIN_BOOTSTRAP_TOKEN_SHA256: undefined,
  };

  return {
    env: demoEnv,
    sandbox,
    async afterStart(services: ServiceDeps, deps: AppDeps) {
      const rows = [];
      for (const customer of DEMO_CUSTOMERS) rows.push(await onboard(services, sandbox, customer));
      printDemoSummary({ baseUrl: deps.publicBaseUrl, adminToken, sandboxUrl: sandbox.url, clients: rows });
      return rows;
    },
    stop: () => sandbox.stop(),
  };
}

async function onboard(services: ServiceDeps, sandbox: Sandbox, customer: (typeof DEMO_CUSTOMERS)[number]) {
  const ctx = {
    deps: services,
    actor: { kind: "admin" as const, subject: "demo" },
    requestId: `demo_${customer.key}`,
  };
  const registration = await registerClient({
    ctx,
    input: {
      name: customer.name,
      contact_email: customer.email,
      tier: customer.tier,
      aws_account_id: customer.account,
      idempotency_key: customer.key,
    },
  });
  const connection = await primaryConnection(services.db, registration.client.id);
  // What the customer's CloudFormation stack would create, from the real template.
  const role = renderRole({
    externalId: connection.externalId,
    roleName: connection.roleName,
    controlPlaneAccountId: "111111111111",
  });
  sandbox.putRole(customer.account, {
    name: role.roleName,
    trust_policy: role.trustPolicy as never,
    permissions_policy: role.permissionsPolicy as never,
    max_session_duration: role.maxSessionDuration,
  });
  const client = await loadClient(services.db, registration.client.id);
  const verified = await verifyClient({ ctx: { ...ctx, client }, input: {} });
  const key = await issueApiKey({
    ctx: { ...ctx, client: await loadClient(services.db, client.id) },
    input: { name: `demo-${new Date().toISOString().slice(0, 10)}` },
  });
  return {
    id: client.id,
    name: customer.name,
    account: customer.account,
    status: verified.status,
    apiKey: key.secret,
    error: verified.error,
  };
}
