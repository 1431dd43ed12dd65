// Tool 9: Cloud Custodian YAML that finds or fixes missing tags and invalid values, one policy per
// type Custodian supports. Computed by core's generateCustodianPolicies. The YAML is given once: the
// combined file inline while it is small, and always at a signed, expiring download URL (a policy
// covering every type is tens of thousands of tokens; the policies list says what it holds).
import {
  CUSTODIAN_VIOLATION_TYPES,
  CUSTODIAN_WARNING_CODES,
  type CustodianResult,
  custodianInputSchema,
  generateCustodianPolicies,
} from "@tagc/core";
import { z } from "zod";
import { createDownload } from "../downloads/create";
import { defineTool } from "./define";
import { policyOf } from "./generator-policy";
import { download } from "./outputs";

/** The combined file is inlined up to this size (about 3,000 tokens); past it, download.url only. */
export const CUSTODIAN_INLINE_CHARS = 12_000;

/** The count, then each skipped requested type, so a model sees at once what it did not get. */
function headline(r: { policies: readonly unknown[]; warnings: CustodianResult["warnings"] }): string {
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
        tags: z.array(z.string()),
      }),
    ),
    combined_yaml: z
      .string()
      .nullable()
      .describe("Every policy in one runnable file; null when large (then download.url only)"),
    download,
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
  async run(ctx, input) {
    const result = generateCustodianPolicies(await policyOf(ctx), input);
    const link = await createDownload({
      ctx,
      input: {
        tool: "generate_custodian_policy",
        filename: "custodian.yml",
        contentType: "application/yaml; charset=utf-8",
        body: result.combined_yaml,
        rows: result.policies.length,
      },
    });
    const small = result.combined_yaml.length <= CUSTODIAN_INLINE_CHARS;
    return {
      ...result,
      // Each policy's own file and object are the combined file cut up: listed, not repeated.
      policies: result.policies.map(({ yaml: _yaml, policy: _policy, ...listed }) => listed),
      combined_yaml: small ? result.combined_yaml : null,
      download: link,
    };
  },
  summarize: (r) =>
    `${headline(r)}\n${r.combined_yaml === null ? `The combined file (${r.download.bytes} bytes) is too large to show: give the user download.url (valid until ${r.download.expires_at}).` : `The combined file is in combined_yaml, and at download.url until ${r.download.expires_at}.`}`,
});
