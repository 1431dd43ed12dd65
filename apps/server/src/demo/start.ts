// Demo mode (`pnpm start`): the AWS sandbox runs in-process with two customer accounts. The role
// template is published to the sandbox's S3, both clients are registered, each customer's admin
// launches the stack from the client's quick-create link (CloudFormation creates the role with that
// client's External ID), then both are verified and given a key.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { loadSeedFile, type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import type { ServiceDeps } from "@tagc/services";
import { servicesSteps } from "@tagc/services/testing";
import { type Customer, onboardTenant, publishSandboxTemplate } from "@tagc/testkit";
import type { Logger } from "pino";
import type { Env } from "../env";
import type { AppDeps } from "../types";
import { redateCosts } from "./redate-costs";
import { printDemoSummary } from "./summary";

const DEMO_SEED = fileURLToPath(new URL("../../../aws-sandbox/seeds/demo.json", import.meta.url));

export const DEMO_CUSTOMERS: Customer[] = [
  {
    slug: "demo-acme",
    idempotencyKey: "demo-acme",
    name: "Acme Corp",
    email: "finops@acme.example",
    tier: "professional",
    account: "222222222222",
  },
  {
    slug: "demo-globex",
    idempotencyKey: "demo-globex",
    name: "Globex",
    email: "cloud@globex.example",
    tier: "starter",
    account: "333333333333",
  },
];

export async function startDemo(env: Env, logger: Logger) {
  const seed = redateCosts(await loadSeedFile(DEMO_SEED), new Date());
  const sandbox: Sandbox = await startSandbox({ seed, port: env.SANDBOX_PORT });
  logger.info({ url: sandbox.url }, "demo: AWS sandbox started");
  // The operator's step on AWS: the role template goes to S3, the only place CloudFormation reads from.
  const templateUrl = await publishSandboxTemplate(sandbox.url, {
    bucket: "tagc-templates-demo",
    as: seed.control_plane,
  });
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
    TEMPLATE_URL: templateUrl,
  };

  return {
    env: demoEnv,
    sandbox,
    async afterStart(services: ServiceDeps, deps: AppDeps) {
      const steps = servicesSteps(services, "demo");
      const rows = [];
      // Each customer's cloud admin follows the quick-create link into CreateStack, as on AWS.
      for (const customer of DEMO_CUSTOMERS) {
        const tenant = await onboardTenant(steps, sandbox, customer, {
          requireConnected: false,
          keyName: `demo-${new Date().toISOString().slice(0, 10)}`,
        });
        rows.push({ ...tenant, account: tenant.accountId });
      }
      printDemoSummary({ baseUrl: deps.publicBaseUrl, adminToken, sandboxUrl: sandbox.url, clients: rows });
      return rows;
    },
    stop: () => sandbox.stop(),
  };
}
