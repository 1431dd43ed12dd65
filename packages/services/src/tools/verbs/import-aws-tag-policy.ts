import { describeTagPolicy, listTagPolicies } from "@tagc/aws";
import { convertAwsTagPolicy } from "@tagc/core";
import { putPolicy } from "../../policy/put";
import type { ToolCtx } from "../context";
import { ToolError } from "../errors";
import { pageOf } from "../page";
import { credentialsFor } from "../scan/credentials";
import { scanTargets } from "../scan/targets";

export interface ImportInput {
  policy_id?: string | undefined;
  apply?: boolean | undefined;
  account_id?: string | undefined;
  cursor?: string | undefined;
}

function organizationsError(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === "ORG_NOT_IN_USE") {
    throw new ToolError(
      "NOT_FOUND",
      "This AWS account is not a member of an AWS Organization, so it has no tag policies to import.",
    );
  }
  if (code === "ACCESS_DENIED") {
    throw new ToolError(
      "AWS_ERROR",
      "The read-only role may not read AWS Organizations. Grant organizations:ListPolicies and organizations:DescribePolicy (the current template includes them; re-deploy the stack), or run the import from the management account.",
    );
  }
  if (code === "POLICY_NOT_FOUND")
    throw new ToolError("NOT_FOUND", "policy_id: no tag policy with this id; omit policy_id to list them");
  throw error;
}

/** Lists the organization's tag policies, or converts one (preview), or makes it the client's policy. */
export async function importAwsTagPolicy({ ctx, input }: { ctx: ToolCtx; input: ImportInput }) {
  const [target] = await scanTargets(ctx, input.account_id ? [input.account_id] : undefined);
  const credentials = await credentialsFor(ctx, target!);
  const config = ctx.deps.aws;
  if (!input.policy_id) {
    const policies = await listTagPolicies({ config, credentials }).catch(organizationsError);
    const page = pageOf(policies, input.cursor);
    return { mode: "list" as const, policies: page.items, total: page.total, next_cursor: page.next_cursor };
  }
  const policy = await describeTagPolicy({ config, credentials, policyId: input.policy_id }).catch(
    organizationsError,
  );
  const converted = convertAwsTagPolicy(policy.content, { now: ctx.deps.now() });
  if (!input.apply) {
    return {
      mode: "preview" as const,
      source_policy: { id: policy.id, name: policy.name },
      ...converted,
      applied: false,
      new_version: null,
    };
  }
  // Stored as a new version in the database; never a file path from input.
  const saved = await putPolicy({
    ctx,
    input: { document: converted.policy, source: "imported", source_ref: policy.id },
  });
  return {
    mode: "apply" as const,
    source_policy: { id: policy.id, name: policy.name },
    ...converted,
    applied: true,
    new_version: saved.version,
  };
}
