// May this caller perform an action? One answer for the dispatcher and for work done on the
// caller's behalf (CloudFormation creates roles with its caller's permissions, as AWS does when a
// stack has no service role). Sessions use their role's policy at call time, so a deleted role
// denies everything; a long-lived caller uses its seeded policy, or may do anything without one.
import type { Identity, World } from "../world/world";
import { isActionAllowed } from "./evaluate";

export function callerMay(world: World, identity: Identity, action: string, resource?: string): boolean {
  if (identity.session) {
    const role = world.accounts.get(identity.accountId)?.roles.get(identity.session.roleName);
    return role !== undefined && isActionAllowed(role.permissions_policy, action, {}, resource);
  }
  return identity.policy === undefined || isActionAllowed(identity.policy, action, {}, resource);
}

/** IAM's wording for an identity-policy denial. */
export const notAuthorized = (identity: Identity, action: string, resource?: string) =>
  `User: ${identity.callerArn} is not authorized to perform: ${action}${resource ? ` on resource: ${resource}` : ""} because no identity-based policy allows the ${action} action`;
