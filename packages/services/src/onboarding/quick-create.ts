// The CloudFormation quick-create link the customer's cloud admin opens. Every parameter sits in the
// fragment, URL-encoded; the External ID is the only tenant value in it and no secret ever is.

export interface QuickCreateInput {
  region: string;
  templateUrl: string;
  stackName: string;
  externalId: string;
  roleName: string;
}

export function quickCreateUrl(input: QuickCreateInput): string {
  const params = [
    ["templateURL", input.templateUrl],
    ["stackName", input.stackName],
    ["param_ExternalId", input.externalId],
    ["param_RoleName", input.roleName],
  ]
    .map(([key, value]) => `${key}=${encodeURIComponent(value ?? "")}`)
    .join("&");
  return `https://console.aws.amazon.com/cloudformation/home?region=${encodeURIComponent(input.region)}#/stacks/quickcreate?${params}`;
}

export const roleNameFor = (prefix: string, shortId: string) => `${prefix}-${shortId}`;
export const stackNameFor = (shortId: string) => `tag-compliance-${shortId}`;
export const roleArnFor = (accountId: string, roleName: string) =>
  `arn:aws:iam::${accountId}:role/${roleName}`;
