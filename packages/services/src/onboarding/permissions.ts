// The role's permissions in plain words for the customer's page, derived from SCANNER_ACTIONS (the
// list the template's policy is tested against), so the page cannot promise less than the role can.
import { SCANNER_ACTIONS } from "@tagc/cloudformation";

const SERVICES: Record<string, string> = {
  tag: "Resource tagging",
  ec2: "Amazon EC2",
  s3: "Amazon S3",
  rds: "Amazon RDS",
  lambda: "AWS Lambda",
  ecs: "Amazon ECS",
  dynamodb: "Amazon DynamoDB",
  ce: "Cost Explorer",
  organizations: "AWS Organizations",
};

export interface PermissionGroup {
  service: string;
  reads: { action: string; reason: string }[];
}

export function permissionGroups(): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const { action, reason } of SCANNER_ACTIONS) {
    const prefix = action.split(":")[0] ?? action;
    const service = SERVICES[prefix] ?? prefix;
    const group = groups.get(service) ?? { service, reads: [] };
    group.reads.push({ action, reason });
    groups.set(service, group);
  }
  return [...groups.values()];
}

/** What the role can never do, as PERMISSIONS.md states it for the security review. */
export const PERMISSION_LIMITS = [
  "It cannot create, change, tag, untag or delete anything in your account.",
  "It cannot read your data: no S3 objects, no DynamoDB items, no secrets, no logs.",
  "It cannot pass or assume other roles.",
  "Only our scanner role can assume it, only with your External ID, for at most one hour per session.",
  "Deleting the stack removes the role and ends our access.",
] as const;
