// Output schema pieces shared by the tools. They describe what clients and models rely on; objects
// list only what matters; results may carry more fields (the listed JSON Schema leaves objects open).
import { CURRENCY } from "@tagc/core";
import { z } from "zod";

export const dataQuality = z.object({
  status: z.enum(["complete", "partial"]),
  issues: z.array(z.object({ scope: z.string(), code: z.string(), message: z.string() })),
  tagged_only_types: z.array(z.string()),
  note: z.string().nullable(),
});

/** Found resources of types AWS cannot tag: never violations, outside the score and untagged counts. */
export const notTaggable = z
  .array(z.object({ resource_type: z.string(), count: z.number(), reason: z.string() }))
  .describe("Types AWS cannot tag; never violations, not scored");

// Every amount is rounded to cents by core's roundCents where the tool presents it (sums are taken
// exact first), so a tool output and a rendered report never disagree by a cent.
export const money = z.number().describe(`${CURRENCY}, rounded to cents`);

/** The currency code beside the amounts of an output. */
export const currency = z.literal(CURRENCY);

/** A bulk result behind a signed URL that needs no key and expires: hand it to the user, never inline. */
export const download = z
  .object({
    url: z.string(),
    expires_at: z.string(),
    bytes: z.number(),
    rows: z.number(),
    content_type: z.string(),
  })
  .describe("The whole file at a signed URL (no key needed) until expires_at");
