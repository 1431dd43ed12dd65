// Tool 17: AWS Config rule definitions (PutConfigRule JSON) with the CLI commands to deploy them.
// Computed by core's generateConfigRules.
import { CONFIG_RULE_TYPES, generateConfigRules as configRules, configRulesInputSchema } from "@tagc/core";
import { z } from "zod";
import { defineTool } from "./define";
import { policyOf } from "./generator-policy";

export const generateConfigRules = defineTool({
  name: "generate_config_rules",
  title: "AWS Config rules",
  description:
    "Generates AWS Config rule definitions (PutConfigRule JSON) for required tags or allowed values, with the CLI commands to deploy them.",
  input: configRulesInputSchema,
  output: z.object({
    rule_type: z.enum(CONFIG_RULE_TYPES),
    rules: z.array(
      z.object({
        ConfigRuleName: z.string(),
        Source: z.object({ Owner: z.literal("AWS"), SourceIdentifier: z.string() }),
        InputParameters: z.string().describe("JSON string, as PutConfigRule expects"),
      }),
    ),
    deployment: z.object({
      prerequisites: z.array(z.string()),
      files: z.array(z.object({ path: z.string(), content: z.string() })),
      commands: z.array(z.string()),
      verify: z.array(z.string()),
    }),
    warnings: z.array(z.string()),
  }),
  mutates: false,
  readsAws: false,
  run: async (ctx, input) => ({ ...configRules(await policyOf(ctx), input) }),
  summarize: (r) => `${r.rules.length} AWS Config rules generated.`,
});
