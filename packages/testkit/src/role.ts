// What the customer's CloudFormation stack creates, in the sandbox: the role rendered from the real
// template with the client's External ID and role name, so what the suites verify is what a customer
// deploys. Options make the broken variants the suites need (a narrowed policy, a mismatched stack).
import type { RoleSeedInput, PolicyDocument as SandboxPolicy } from "@tagc/aws-sandbox";
import { type PolicyDocument, renderRole } from "@tagc/cloudformation";
import { CONTROL_PLANE } from "./constants";

/** The in-process sandbox, or the benchmark's client of a sandbox in its own process. */
export interface RoleHost {
  putRole(accountId: string, role: RoleSeedInput): unknown;
}

export interface RoleTarget {
  accountId: string;
  externalId: string;
  roleName: string;
}

export interface RoleOptions {
  /** Render the trust with this External ID instead of the tenant's own (a mismatched stack). */
  externalId?: string;
  /** Remove these actions from the rendered permissions (a narrowed policy). */
  withoutActions?: string[];
  /** Replace the read-only actions with exactly these (a hand-edited policy). */
  allowedActions?: string[];
  /** The operator account the trust names; the suites' control plane by default. */
  platformAccountId?: string;
}

// The sandbox's policy type is a zod shape that admits unknown statement keys; the template's is exact.
const toSandbox = (document: PolicyDocument): SandboxPolicy => ({
  Version: document.Version,
  Statement: document.Statement.map((statement) => ({ ...statement })),
});

function permissions(document: PolicyDocument, options: RoleOptions): PolicyDocument {
  if (options.allowedActions) {
    return {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: options.allowedActions, Resource: "*" }],
    };
  }
  const drop = new Set(options.withoutActions ?? []);
  if (!drop.size) return document;
  return {
    ...document,
    Statement: document.Statement.map((statement) => ({
      ...statement,
      Action: [statement.Action].flat().filter((action) => !drop.has(action)),
    })).filter((statement) => statement.Action.length > 0),
  };
}

/** Creates (or replaces) the tenant's role in its sandbox account; returns the rendered role. */
export async function deployRole(sandbox: RoleHost, target: RoleTarget, options: RoleOptions = {}) {
  const role = renderRole({
    externalId: options.externalId ?? target.externalId,
    roleName: target.roleName,
    controlPlaneAccountId: options.platformAccountId ?? CONTROL_PLANE.account_id,
  });
  await sandbox.putRole(target.accountId, {
    name: role.roleName,
    trust_policy: toSandbox(role.trustPolicy),
    permissions_policy: toSandbox(permissions(role.permissionsPolicy, options)),
    max_session_duration: role.maxSessionDuration,
  });
  return role;
}
