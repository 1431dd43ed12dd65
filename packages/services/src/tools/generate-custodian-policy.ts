// Tool 9: Cloud Custodian YAML that finds or fixes missing tags and invalid values, one policy per
// type Custodian supports. Computed by core's generateCustodianPolicies.
import {
  CUSTODIAN_VIOLATION_TYPES,
  CUSTODIAN_WARNING_CODES,
  type CustodianResult,
  custodianInputSchema,
  generateCustodianPolicies,
} from "@tagc/core";
import { z } from "zod";
import { defineTool } from "./define";
import { policyOf } from "./generator-policy";

/** The count, then each skipped requested type, so a model sees at once what it did not get. */
function headline(r: CustodianResult): string {
  const lines = [`${r.policies.length} Cloud Custodian policies generated.`];
  for (const warning of r.warnings) if (warning.resource_type) lines.push(`Skipped: ${warning.message}`);
  return lines.join("\n");
}

export const generateCustodianPolicy = defineTool({
  name: "generate_custodian_policy",
  title: "Cloud Custodian policies",
  description:
    "Generates Cloud Custodian YAML that finds (dry_run: notify) or fixes (tag actions) missing tags and invalid values, one policy per resource type Custodian supports. Missing-tag and invalid-value checks are never ANDed.",
  input: custodianInputSchema,
  output: z.object({
    dry_run: z.boolean(),
    policies: z.array(
      z.object({
        name: z.string(),
        resource_type: z.string(),
        custodian_resource: z.string(),
        violation_type: z.enum(CUSTODIAN_VIOLATION_TYPES),
        yaml: z.string(),
      }),
    ),
    combined_yaml: z.string().describe("Every policy in one runnable file"),
    skipped: z.array(z.object({ resource_type: z.string(), reason: z.string() })),
    counts: z.record(z.string(), z.number()),
    warnings: z
      .array(
        z.object({
          code: z.enum(CUSTODIAN_WARNING_CODES),
          resource_type: z.string().nullable(),
          message: z.string(),
        }),
      )
      .describe("Requested types that were skipped (unknown or free), then placeholder caveats"),
    notes: z.array(z.string()),
  }),
  mutates: false,
  readsAws: false,
  run: async (ctx, input) => ({ ...generateCustodianPolicies(await policyOf(ctx), input) }),
  summarize: (r) => `${headline(r)}\n\n${r.combined_yaml.slice(0, 3000)}`,
});
