// Tools 9, 10, 16, 17: remediation generators over the client's policy (no AWS access).
import {
  configRulesInputSchema,
  custodianInputSchema,
  openOpsInputSchema,
  terraformInputSchema,
} from "@tagc/core";
import {
  generateConfigRules,
  generateCustodianPolicy,
  generateOpenopsWorkflow,
  generateTerraformPolicy,
} from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";

const result = z.looseObject({});
const count = (r: Record<string, unknown>, key: string) =>
  Array.isArray(r[key]) ? (r[key] as unknown[]).length : 0;

export const generateCustodianPolicyTool = defineTool({
  name: "generate_custodian_policy",
  title: "Cloud Custodian policies",
  description:
    "Generates Cloud Custodian YAML that finds (dry_run: notify) or fixes (tag actions) missing tags and invalid values, one policy per resource type Custodian supports. Missing-tag and invalid-value checks are never ANDed.",
  input: custodianInputSchema,
  output: result,
  readsAws: false,
  run: (ctx, input) => generateCustodianPolicy({ ctx, input }),
  summarize: (r) =>
    `${count(r, "policies")} Cloud Custodian policies generated.\n\n${String(r.combined_yaml ?? "").slice(0, 3000)}`,
});

export const generateOpenopsWorkflowTool = defineTool({
  name: "generate_openops_workflow",
  title: "OpenOps workflow",
  description:
    "Generates an OpenOps YAML workflow that notifies, auto-tags or reports when compliance drops below a threshold, on a schedule (daily, weekly, monthly or a 5-field cron).",
  input: openOpsInputSchema,
  output: result,
  readsAws: false,
  run: (ctx, input) => generateOpenopsWorkflow({ ctx, input }),
  summarize: (r) => `OpenOps workflow generated.\n\n${String(r.yaml ?? "").slice(0, 3000)}`,
});

export const generateTerraformPolicyTool = defineTool({
  name: "generate_terraform_policy",
  title: "Terraform enforcement",
  description:
    "Generates Terraform HCL that enforces the policy: AWS Config REQUIRED_TAGS rules (six keys per rule), a service control policy denying untagged creates, or an Organizations tag policy.",
  input: terraformInputSchema,
  output: result,
  readsAws: false,
  run: (ctx, input) => generateTerraformPolicy({ ctx, input }),
  summarize: (r) => `Terraform generated.\n\n${String(r.hcl ?? "").slice(0, 3000)}`,
});

export const generateConfigRulesTool = defineTool({
  name: "generate_config_rules",
  title: "AWS Config rules",
  description:
    "Generates AWS Config rule definitions (PutConfigRule JSON) for required tags or allowed values, with the CLI commands to deploy them.",
  input: configRulesInputSchema,
  output: result,
  readsAws: false,
  run: (ctx, input) => generateConfigRules({ ctx, input }),
  summarize: (r) => `${count(r, "rules")} AWS Config rules generated.`,
});
