// Tool 14: lists the organization's tag policies, previews one converted to our format, or makes it
// the client's policy. Read through the client's role; converted by core's convertAwsTagPolicy.
import { describeTagPolicy, listTagPolicies } from "@tagc/aws";
import { convertAwsTagPolicy } from "@tagc/core";
import { z } from "zod";
import { ServiceError } from "../errors";
import { putPolicy } from "../policy/put";
import { defineTool } from "./define";
import { accountId, cursor, scalar } from "./inputs";
import { pageOf } from "./page";
import { credentialsFor } from "./scan/credentials";
import { scanTargets } from "./scan/targets";

/** Organizations' refusals, as the model can act on them. */
function organizationsError(error: unknown): never {
  const code = typeof error === "object" && error && "code" in error ? error.code : undefined;
  if (code === "ORG_NOT_IN_USE") {
    throw new ServiceError(
      "NOT_FOUND",
      "This AWS account is not a member of an AWS Organization, so it has no tag policies to import.",
    );
  }
  if (code === "ACCESS_DENIED") {
    throw new ServiceError(
      "AWS_ERROR",
      "The read-only role may not read AWS Organizations. Grant organizations:ListPolicies and organizations:DescribePolicy (the current template includes them; re-deploy the stack), or run the import from the management account.",
    );
  }
  if (code === "POLICY_NOT_FOUND") {
    throw new ServiceError("NOT_FOUND", "policy_id: no tag policy with this id; omit policy_id to list them");
  }
  throw error;
}

export const importAwsTagPolicy = defineTool({
  name: "import_aws_tag_policy",
  title: "Import an AWS Organizations tag policy",
  description:
    "Without policy_id: lists the organization's tag policies. With policy_id: converts that tag policy into this service's format and shows a preview with warnings (e.g. wildcard values that cannot be exact). With apply: true, the converted policy becomes the client's new policy version.",
  input: z.strictObject({
    policy_id: z
      .string()
      .regex(/^p-[0-9a-z_]{8,128}$/, "must be an Organizations policy id like p-abcd1234")
      .optional(),
    apply: z.boolean().optional(),
    account_id: scalar(accountId).optional(),
    cursor: cursor.optional(),
  }),
  output: z.object({
    mode: z.enum(["list", "preview", "apply"]),
    applied: z.boolean().optional(),
    new_version: z.number().nullable().optional(),
  }),
  // Applying replaces the client's policy; listing and previewing read.
  mutates: (input) => input.apply === true,
  readsAws: true,
  async run(ctx, input) {
    // Organizations is read through the client's role in its (first, or named) account.
    const [target] = await scanTargets(ctx, input.account_id ? [input.account_id] : undefined, "account_id");
    if (!target) throw new ServiceError("NOT_CONNECTED", "This client has no connected AWS account.");
    const reader = { config: ctx.deps.aws, credentials: await credentialsFor(ctx, target) };
    if (!input.policy_id) {
      const policies = await listTagPolicies(reader).catch(organizationsError);
      const page = pageOf(policies, input.cursor);
      return {
        mode: "list" as const,
        policies: page.items,
        total: page.total,
        next_cursor: page.next_cursor,
      };
    }
    const policy = await describeTagPolicy({ ...reader, policyId: input.policy_id }).catch(
      organizationsError,
    );
    const converted = convertAwsTagPolicy(policy.content, { now: ctx.deps.now() });
    const source_policy = { id: policy.id, name: policy.name };
    if (!input.apply)
      return { mode: "preview" as const, source_policy, ...converted, applied: false, new_version: null };
    // Stored as a new version in the database; never a file path from input.
    const saved = await putPolicy({
      ctx,
      input: { document: converted.policy, source: "imported", source_ref: policy.id },
    });
    return { mode: "apply" as const, source_policy, ...converted, applied: true, new_version: saved.version };
  },
  summarize: (r) => {
    if (r.mode === "list") return `${r.total} tag policies in the organization.`;
    if (r.mode === "apply") return `Imported as policy version ${r.new_version}.`;
    return `Preview of the converted policy (${r.warnings.length} warnings); call again with apply: true to use it.`;
  },
});
