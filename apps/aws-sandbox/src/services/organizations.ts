// Organizations (JSON 1.1): ListPolicies, DescribePolicy, ListTargetsForPolicy. Only tag policies
// are seeded; the other policy types list empty. An account outside any organization gets
// AWSOrganizationsNotInUseException from every call, before any input is looked at.
import { AwsError } from "../errors";
import type { OpContext, Operation, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { intParam } from "../protocol/params";
import type { AccountSeed } from "../seed/schema";
import { optionalString, pageScope } from "./common";

type Organization = NonNullable<AccountSeed["organization"]>;
type TagPolicy = Organization["tag_policies"][number];

/** Every policy type the Organizations API knows (as modelled by the SDK); only tag policies are seeded. */
const POLICY_TYPES = [
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "TAG_POLICY",
  "BACKUP_POLICY",
  "AISERVICES_OPT_OUT_POLICY",
  "CHATBOT_POLICY",
  "DECLARATIVE_POLICY_EC2",
  "SECURITYHUB_POLICY",
  "SECURITYHUB_CSPM_POLICY",
  "INSPECTOR_POLICY",
  "GUARDDUTY_POLICY",
  "BEDROCK_POLICY",
  "S3_POLICY",
  "NETWORK_SECURITY_DIRECTOR_POLICY",
  "UPGRADE_ROLLOUT_POLICY",
];
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
const invalidInput = (message: string) => new AwsError("InvalidInputException", message);

/**
 * The seed names no management account, so ARNs carry the caller's own account id: the sandbox
 * answers Organizations calls as if the caller were the management account.
 */
const policyArn = (ctx: OpContext, org: Organization, id: string) =>
  `arn:aws:organizations::${ctx.account.id}:policy/${org.id}/tag_policy/${id}`;

const TARGET_KIND = { ROOT: "root", ORGANIZATIONAL_UNIT: "ou", ACCOUNT: "account" } as const;

function summary(ctx: OpContext, org: Organization, p: TagPolicy) {
  return {
    Id: p.id,
    Arn: policyArn(ctx, org, p.id),
    Name: p.name,
    Description: p.description,
    Type: "TAG_POLICY",
    AwsManaged: false,
  };
}

function requirePolicy(org: Organization, input: OpInput): TagPolicy {
  const id = optionalString(input, "PolicyId");
  if (!id) throw invalidInput("You must specify a PolicyId.");
  if (!POLICY_ID.test(id))
    throw invalidInput("You provided a value that does not match the required pattern.");
  const policy = org.tag_policies.find((p) => p.id === id);
  if (!policy)
    throw new AwsError(
      "PolicyNotFoundException",
      "We can't find a policy with the PolicyId that you specified.",
    );
  return policy;
}

function pageOf<T>(ctx: OpContext, input: OpInput, operation: string, items: T[]) {
  const size = intParam(input, "MaxResults", { min: 1, max: 20, code: "InvalidInputException" }) ?? 20;
  const scope = pageScope(ctx, operation, input, ["NextToken", "MaxResults"]);
  return page(items, {
    token: optionalString(input, "NextToken"),
    size,
    scope,
    code: "InvalidInputException",
    param: "NextToken",
  });
}

/** Wraps a handler with the organization-membership check every Organizations call makes. */
function inOrganization(
  action: string,
  handle: (ctx: OpContext, input: OpInput, org: Organization) => unknown,
): Operation {
  return {
    action,
    handle: (ctx, input) => {
      const org = ctx.account.organization;
      if (!org)
        throw new AwsError(
          "AWSOrganizationsNotInUseException",
          "Your account is not a member of an organization.",
        );
      return handle(ctx, input, org);
    },
  };
}

export const organizations: OperationTable = {
  ListPolicies: inOrganization("organizations:ListPolicies", (ctx, input, org) => {
    const filter = input.Filter;
    if (typeof filter !== "string" || !POLICY_TYPES.includes(filter)) {
      throw invalidInput(
        `You specified an invalid value for Filter. Valid values: ${POLICY_TYPES.join(" | ")}.`,
      );
    }
    const policies = filter === "TAG_POLICY" ? org.tag_policies : [];
    const result = pageOf(ctx, input, "ListPolicies", policies);
    return {
      Policies: result.items.map((p) => summary(ctx, org, p)),
      ...(result.next ? { NextToken: result.next } : {}),
    };
  }),
  DescribePolicy: inOrganization("organizations:DescribePolicy", (ctx, input, org) => {
    const policy = requirePolicy(org, input);
    return { Policy: { PolicySummary: summary(ctx, org, policy), Content: JSON.stringify(policy.content) } };
  }),
  ListTargetsForPolicy: inOrganization("organizations:ListTargetsForPolicy", (ctx, input, org) => {
    const policy = requirePolicy(org, input);
    const result = pageOf(ctx, input, "ListTargetsForPolicy", policy.targets);
    const targets = result.items.map((t) => ({
      TargetId: t.id,
      Arn: `arn:aws:organizations::${ctx.account.id}:${TARGET_KIND[t.type]}/${org.id}/${t.id}`,
      Name: t.name,
      Type: t.type,
    }));
    return { Targets: targets, ...(result.next ? { NextToken: result.next } : {}) };
  }),
};
