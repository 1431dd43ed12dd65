// Input building blocks shared by the tools: strict, capped, and forgiving in one documented way
// (a single-element array given for a scalar is unwrapped). Every piece converts to valid JSON Schema
// 2020-12 (no tuples: their `items` array form is draft-07 only and the Anthropic API rejects it).
import { z } from "zod";

/** Accepts `x` or `[x]` for a scalar parameter (every use is optional, so `undefined` is expected). */
export const scalar = <T extends z.ZodType>(schema: T) =>
  z.union([
    schema,
    z
      .array(schema)
      .length(1)
      .transform(([first]) => first),
  ]);

const TYPE = z
  .string()
  .min(1)
  .max(100)
  .regex(/^(all|[a-z0-9-]+:[a-z0-9-]+)$/, 'must be a resource type like "ec2:instance", or "all"');

/** Entries given more than once, in first-seen order. */
function repeatsOf(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeats = new Set<string>();
  for (const value of values) (seen.has(value) ? repeats : seen).add(value);
  return [...repeats];
}

// A repeated type would scan and bill twice and count its resources twice in the score, so it is
// refused rather than silently folded: the caller learns their list was not what they meant.
// `uniqueItems` tells JSON Schema clients the same before they call.
const TYPE_LIST = z
  .array(TYPE)
  .min(1)
  .max(10)
  .meta({ uniqueItems: true })
  .superRefine((values, ctx) => {
    const repeats = repeatsOf(values);
    if (repeats.length === 0) return;
    const named = repeats.map((value) => JSON.stringify(value)).join(", ");
    ctx.addIssue({
      code: "custom",
      input: values,
      message: `${named} ${repeats.length === 1 ? "is" : "are"} listed more than once; list each resource type once`,
    });
  });

// A lone string is accepted as a one-element list: models often send "ec2:instance" for ["ec2:instance"].
export const resourceTypes = z
  .union([TYPE, TYPE_LIST], {
    // A union reports only "Invalid input"; say what is allowed instead.
    error:
      'must be a list of 1 to 10 resource types like ["ec2:instance", "rds:db"] (at most 10 resource types per call), or ["all"]',
  })
  .transform((value) => (typeof value === "string" ? [value] : value))
  .describe(
    'Catalog types, e.g. ["ec2:instance"], or ["all"]; get_tagging_policy lists the policy\'s types.',
  );

export const region = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/, "must be an AWS region like us-east-1");
export const regions = z.array(region).min(1).max(20, "at most 20 regions");
export const accountId = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
export const accounts = z
  .array(accountId)
  .min(1)
  .max(20)
  .describe("Connected AWS account ids to scan; default all");
export const severity = scalar(z.enum(["all", "errors_only", "warnings_only"]));
export const cursor = z.string().max(200).describe("next_cursor of the previous page");
/** Page size of a list result: a model asks for fewer items to keep a large account's answer small. */
export const limit = z.number().int().min(1).max(100).describe("Items per page, 1-100 (default 25)");

export const filters = z
  .strictObject({
    regions: regions.optional(),
    region: scalar(region).optional(),
    account_id: scalar(accountId).optional(),
  })
  .describe("Narrow the scan: regions (list), region (one), account_id (one connected account)");

/** `filters.region` folds into `filters.regions`. */
export const regionsOf = (f: z.output<typeof filters> | undefined) =>
  f?.regions ?? (f?.region ? [f.region] : undefined);

/**
 * The scan_id of a "still running" answer: the call joins that run of this client and tool (and gets
 * its result) instead of starting another. Unknown, finished-and-returned or another tenant's id:
 * the call runs as if it were not given.
 */
export const scanId = z.string().min(1).max(64);
