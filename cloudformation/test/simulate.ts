import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../src/index";

/** The customer account the rendered role lives in, in every simulation. */
export const CUSTOMER_ACCOUNT = "222222222222";
export const CONTROL_PLANE_ACCOUNT = "111111111111";
export const SCANNER_ROLE_ARN = `arn:aws:iam::${CONTROL_PLANE_ACCOUNT}:role/tagc-scanner-prod`;

export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/**
 * Runs one request through iam-simulate and returns its decision. A validation error (unknown
 * action, resource that does not fit the action, malformed policy) throws instead of reading as
 * "denied", so a typo in a test can never pass as a denial.
 */
export async function decide(simulation: Simulation): Promise<Decision> {
  const result = await runSimulation(simulation, {});
  if (result.resultType === "error") {
    throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  }
  return result.overallResult;
}

/** A call made with the customer role's session, against a resource in the customer account. */
export function withRolePolicy(policy: PolicyDocument, action: string, resource: string): Simulation {
  return {
    request: {
      principal: `arn:aws:sts::${CUSTOMER_ACCOUNT}:assumed-role/TagComplianceReadOnly/cli_test`,
      action,
      resource: { resource, accountId: CUSTOMER_ACCOUNT },
      contextVariables: {},
    },
    identityPolicies: [{ name: "TagComplianceReadOnly", policy }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

export interface AssumeAttempt {
  /** The calling principal; for a role session, aws:PrincipalArn is still the role ARN. */
  principal: string;
  principalArn: string;
  externalId?: string;
  sourceIdentity?: string;
}

/**
 * One action of an AssumeRole call against the rendered trust policy. The caller's own identity
 * policy allows both STS actions on every role, as the scanner role's does, so the trust policy
 * is what decides. Context keys are passed the way STS fills them; iam-simulate then keeps only
 * the keys that belong to the action, as STS does.
 */
export function assumeAction(
  trustPolicy: PolicyDocument,
  action: string,
  attempt: AssumeAttempt,
): Simulation {
  const contextVariables: Record<string, string> = { "aws:PrincipalArn": attempt.principalArn };
  if (attempt.externalId !== undefined) contextVariables["sts:ExternalId"] = attempt.externalId;
  if (attempt.sourceIdentity !== undefined) contextVariables["sts:SourceIdentity"] = attempt.sourceIdentity;
  return {
    request: {
      principal: attempt.principal,
      action,
      resource: {
        resource: `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/TagComplianceReadOnly`,
        accountId: CUSTOMER_ACCOUNT,
      },
      contextVariables,
    },
    identityPolicies: [
      {
        name: "scanner",
        policy: {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["sts:AssumeRole", "sts:SetSourceIdentity"], Resource: "*" },
          ],
        },
      },
    ],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: trustPolicy,
  };
}

/**
 * The whole AssumeRole call the credential broker makes: STS authorizes sts:AssumeRole, and
 * sts:SetSourceIdentity too when a SourceIdentity is passed; every one must be allowed.
 */
export async function assumeRoleCall(trustPolicy: PolicyDocument, attempt: AssumeAttempt): Promise<boolean> {
  const actions =
    attempt.sourceIdentity === undefined ? ["sts:AssumeRole"] : ["sts:AssumeRole", "sts:SetSourceIdentity"];
  for (const action of actions) {
    if ((await decide(assumeAction(trustPolicy, action, attempt))) !== "Allowed") return false;
  }
  return true;
}
