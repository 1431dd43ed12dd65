import { importAwsTagPolicy } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accountId, cursor, scalar } from "../schemas";

export const importAwsTagPolicyTool = defineTool({
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
  output: z.looseObject({ mode: z.enum(["list", "preview", "apply"]) }),
  mutates: (input) => input.apply === true,
  readsAws: true,
  run: (ctx, input) => importAwsTagPolicy({ ctx, input }),
  summarize: (r) =>
    r.mode === "list"
      ? `${r.total} tag policies in the organization.`
      : r.applied
        ? `Imported as policy version ${r.new_version}.`
        : `Preview of the converted policy (${(r.warnings as unknown[]).length} warnings); call again with apply: true to use it.`,
});
