// Onboarding a tenant the way the product does it: register → the customer's cloud admin follows the
// quick-create link into CloudFormation's CreateStack (the real template, from its S3 URL) → verify
// (`connected`) → an API key. One sequence for the demo, the benchmark and every harness; `steps` says
// how each step is driven: the services verbs (@tagc/services/testing) or REST (the server suites).
import { customerAdminFor } from "./constants";
import { deployRole, type RoleHost, type RoleOptions } from "./role";
import { deployFromQuickCreateUrl } from "./stack";

export interface Customer {
  /** Short, unique per world: used in the idempotency key and key names. */
  slug: string;
  name: string;
  email: string;
  tier: "starter" | "professional" | "enterprise";
  /** The customer's AWS account; a client can be registered without one (then not onboarded). */
  account?: string | undefined;
  /** Console region of the quick-create link. */
  region?: string | undefined;
  /** Makes registration idempotent (the demo restarts on a persistent database). */
  idempotencyKey?: string | undefined;
}

/** A customer of a test world: named after its slug, with an address at example.com. */
export const customer = (
  slug: string,
  account: string,
  tier: Customer["tier"] = "professional",
): Customer => ({
  slug,
  name: slug,
  email: `${slug}@example.com`,
  tier,
  account,
});

/** The registration a customer's operator submits, as the REST body and the verb's input both spell it. */
export const registrationBody = (c: Customer) => ({
  name: c.name,
  contact_email: c.email,
  tier: c.tier,
  ...(c.account ? { aws_account_id: c.account } : {}),
  ...(c.region ? { region: c.region } : {}),
});

export interface Registered {
  clientId: string;
  externalId: string;
  roleName: string;
  /** The one-click link the operator hands the customer. */
  quickCreateUrl: string;
}

/** The sandbox the customers' accounts live in: its endpoint, and its admin API for hand edits. */
export interface CustomerCloud extends RoleHost {
  url: string;
}

export interface Verification {
  status: string;
  error?: { code: string; fix: string | null } | null;
}

export interface OnboardingSteps {
  register(customer: Customer): Promise<Registered>;
  verify(clientId: string): Promise<Verification>;
  issueKey(clientId: string, name: string): Promise<{ secret: string; id: string }>;
}

export interface OnboardedTenant {
  slug: string;
  id: string;
  name: string;
  tier: Customer["tier"];
  accountId: string;
  externalId: string;
  roleName: string;
  roleArn: string;
  status: string;
  /** The classified failure when verification did not connect (requireConnected: false). */
  error: { code: string; fix: string | null } | null;
  /** Present when a key was issued. */
  apiKey: string;
  keyId: string;
}

export interface OnboardOptions {
  /**
   * After the stack, the customer hand-edits the role it created (a narrowed policy, a trust with
   * another External ID): the broken variants the suites need.
   */
  role?: RoleOptions;
  /** Issue an API key (default true); false leaves apiKey and keyId empty. */
  key?: boolean;
  /** The key's display name (default `<slug>-key`). */
  keyName?: string;
  /** Fail unless verification says connected (default true). */
  requireConnected?: boolean;
}

export async function onboardTenant(
  steps: OnboardingSteps,
  cloud: CustomerCloud,
  customer: Customer,
  options: OnboardOptions = {},
): Promise<OnboardedTenant> {
  const { account } = customer;
  if (!account) throw new Error(`${customer.slug}: onboarding needs the customer's AWS account`);
  const registered = await steps.register(customer);
  const target = { accountId: account, externalId: registered.externalId, roleName: registered.roleName };
  const admin = customerAdminFor(account);
  await deployFromQuickCreateUrl({
    url: registered.quickCreateUrl,
    endpoint: cloud.url,
    credentials: { accessKeyId: admin.access_key_id, secretAccessKey: admin.secret_access_key },
  });
  if (options.role) await deployRole(cloud, target, options.role);
  const verified = await steps.verify(registered.clientId);
  if (options.requireConnected !== false && verified.status !== "connected") {
    throw new Error(`${customer.slug} did not connect: ${JSON.stringify(verified.error ?? verified)}`);
  }
  const key =
    options.key === false
      ? { secret: "", id: "" }
      : await steps.issueKey(registered.clientId, options.keyName ?? `${customer.slug}-key`);
  return {
    slug: customer.slug,
    id: registered.clientId,
    name: customer.name,
    tier: customer.tier,
    accountId: account,
    externalId: registered.externalId,
    roleName: registered.roleName,
    roleArn: `arn:aws:iam::${account}:role/${registered.roleName}`,
    status: verified.status,
    error: verified.error ?? null,
    apiKey: key.secret,
    keyId: key.id,
  };
}
