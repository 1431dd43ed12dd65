import { z } from "@hono/zod-openapi";
import { NO_NUL_MESSAGE, nulPath } from "./common";

export const PolicyDocumentSchema = z
  .record(z.string(), z.unknown())
  .superRefine((document, ctx) => {
    const path = nulPath(document);
    if (path) ctx.addIssue({ code: "custom", path, message: NO_NUL_MESSAGE });
  })
  .openapi("TaggingPolicyDocument", {
    description: "The tagging policy (see TOOLS.md): version, required_tags, optional_tags, tag_naming_rules",
    example: {
      version: "1.0",
      required_tags: [
        { name: "Owner", description: "Owner email", validation_regex: "^[^@]+@[^@]+$", applies_to: [] },
      ],
      optional_tags: [],
    },
  });

export const PolicySchema = z
  .object({
    version: z.number().int(),
    source: z.enum(["default", "imported", "uploaded"]),
    source_ref: z.string().nullable(),
    created_at: z.string(),
    policy: PolicyDocumentSchema,
    summary: z.record(z.string(), z.unknown()),
    all_applicable_resource_types: z.array(z.string()),
    warnings: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("TaggingPolicy");
