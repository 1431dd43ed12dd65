// The four remediation generators (tools 9, 10, 16, 17): pure core functions over the client's
// current policy. Core's strict input schemas are the tools' schemas too.
import {
  type ConfigRulesInput,
  type CustodianInput,
  generateConfigRules as configRules,
  generateCustodianPolicies,
  type OpenOpsInput,
  generateOpenOpsWorkflow as openOps,
  type TerraformInput,
  generateTerraformPolicy as terraform,
} from "@tagc/core";
import { currentPolicy } from "../../policy/current";
import type { ToolCtx } from "../context";

const policyOf = async (ctx: ToolCtx) => (await currentPolicy(ctx.deps.db, ctx.client.id)).policy;

export async function generateCustodianPolicy({ ctx, input }: { ctx: ToolCtx; input: CustodianInput }) {
  return generateCustodianPolicies(await policyOf(ctx), input);
}

export async function generateOpenopsWorkflow({ ctx, input }: { ctx: ToolCtx; input: OpenOpsInput }) {
  return openOps(await policyOf(ctx), input, ctx.deps.now());
}

export async function generateTerraformPolicy({ ctx, input }: { ctx: ToolCtx; input: TerraformInput }) {
  return terraform(await policyOf(ctx), input);
}

export async function generateConfigRules({ ctx, input }: { ctx: ToolCtx; input: ConfigRulesInput }) {
  return configRules(await policyOf(ctx), input);
}
