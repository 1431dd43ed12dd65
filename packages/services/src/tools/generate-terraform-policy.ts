// Tool 16: Terraform HCL that enforces the policy (Config rules, an SCP, or an Organizations tag
// policy). Computed by core's generateTerraformPolicy.
import {
  ENFORCEMENT_LEVELS,
  TERRAFORM_POLICY_TYPES,
  generateTerraformPolicy as terraform,
  terraformInputSchema,
} from "@tagc/core";
import { z } from "zod";
import { defineTool } from "./define";
import { policyOf } from "./generator-policy";

export const generateTerraformPolicy = defineTool({
  name: "generate_terraform_policy",
  title: "Terraform enforcement",
  description:
    "Generates Terraform HCL that enforces the policy: AWS Config REQUIRED_TAGS rules (six keys per rule), a service control policy denying untagged creates, or an Organizations tag policy.",
  input: terraformInputSchema,
  output: z.object({
    policy_type: z.enum(TERRAFORM_POLICY_TYPES),
    enforcement_level: z.enum(ENFORCEMENT_LEVELS),
    hcl: z.string(),
    resources: z.array(z.object({ type: z.string(), name: z.string() })),
    rules: z.array(z.object({ name: z.string(), tags: z.array(z.string()) })),
    warnings: z.array(z.string()),
    notes: z.array(z.string()),
  }),
  mutates: false,
  readsAws: false,
  run: async (ctx, input) => ({ ...terraform(await policyOf(ctx), input) }),
  summarize: (r) => `Terraform generated.\n\n${r.hcl.slice(0, 3000)}`,
});
