// The zod schema of a tagging policy document (shape in shared/spec/TOOLS.md).
// Entries are strict objects: a misspelt key such as "applies-to" would otherwise be dropped and the
// rule would silently widen to every resource type. Catalog and regex checks run inside the schema
// so one parse reports every problem with the path of its entry.
import { z } from "zod";
import { resourceTypeIssue } from "./applies-to";
import { compileTagRegex } from "./regex";

/** AWS caps tag keys at 128 characters and values at 256: anything longer could never match. */
const TAG_KEY_MAX = 128;
const TAG_VALUE_MAX = 256;

const text = (field: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`),
  });

const tagName = text("name")
  .min(1, "name must not be empty")
  .max(TAG_KEY_MAX, `name must be at most ${TAG_KEY_MAX} characters (the AWS tag key limit)`);

const allowedValues = z.array(
  text("allowed value").max(TAG_VALUE_MAX, `allowed value must be at most ${TAG_VALUE_MAX} characters`),
);

const validationRegex = text("validation_regex").superRefine((pattern, ctx) => {
  const compiled = compileTagRegex(pattern);
  if (!compiled.ok) ctx.addIssue({ code: "custom", message: compiled.reason });
});

const resourceType = text("resource type").superRefine((type, ctx) => {
  const problem = resourceTypeIssue(type);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const KeyMatchingSchema = z.enum(["exact", "case_insensitive"], {
  error: () => 'key_matching must be "exact" or "case_insensitive"',
});

const aliasValue = text("alias").max(TAG_VALUE_MAX, `alias must be at most ${TAG_VALUE_MAX} characters`);

export const RequiredTagSchema = z
  .strictObject({
    name: tagName,
    description: text("description"),
    allowed_values: allowedValues.nullish(),
    validation_regex: validationRegex.nullish(),
    applies_to: z.array(resourceType).nullish(),
    key_matching: KeyMatchingSchema.nullish(),
    value_aliases: z.record(aliasValue, z.array(aliasValue)).nullish(),
    alias_treatment: z
      .enum(["warning", "violation"], { error: () => 'alias_treatment must be "warning" or "violation"' })
      .nullish(),
  })
  .superRefine((tag, ctx) => aliasIssues(tag, ctx));

/**
 * An alias must point at one value the policy accepts, and must not itself be accepted: otherwise a
 * resource carrying it would be both compliant and told to change, or changed to a rejected value.
 */
function aliasIssues(
  tag: {
    allowed_values?: string[] | null | undefined;
    value_aliases?: Record<string, string[]> | null | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const allowed = tag.allowed_values && tag.allowed_values.length > 0 ? new Set(tag.allowed_values) : null;
  const owner = new Map<string, string>();
  for (const [preferred, aliases] of Object.entries(tag.value_aliases ?? {})) {
    if (allowed && !allowed.has(preferred))
      ctx.addIssue({
        code: "custom",
        path: ["value_aliases", preferred],
        message: `"${preferred}" is not an allowed value, so nothing can be aliased to it`,
      });
    aliases.forEach((alias, index) => {
      const path = ["value_aliases", preferred, index];
      const first = owner.get(alias);
      if (alias === preferred || allowed?.has(alias))
        ctx.addIssue({
          code: "custom",
          path,
          message: `"${alias}" is an accepted value and cannot be an alias`,
        });
      else if (first !== undefined && first !== preferred)
        ctx.addIssue({ code: "custom", path, message: `"${alias}" is already an alias of "${first}"` });
      owner.set(alias, preferred);
    });
  }
}

export const OptionalTagSchema = z.strictObject({
  name: tagName,
  // Optional tags are advisory; the seed's documents always carry a description, but a missing one
  // loses nothing, so it defaults to "" instead of rejecting the policy.
  description: text("description").default(""),
  allowed_values: allowedValues.nullish(),
});

export const TagNamingRulesSchema = z.strictObject({
  case_sensitivity: z.boolean(),
  allow_special_characters: z.boolean(),
  max_key_length: z.number().int().min(1).max(TAG_KEY_MAX),
  max_value_length: z.number().int().min(0).max(TAG_VALUE_MAX),
});

/** Two rules for one key would report every violation twice and could contradict each other. */
const requiredTags = z.array(RequiredTagSchema).superRefine((tags, ctx) => {
  const firstIndex = new Map<string, number>();
  tags.forEach((tag, index) => {
    const first = firstIndex.get(tag.name);
    if (first === undefined) firstIndex.set(tag.name, index);
    else
      ctx.addIssue({
        code: "custom",
        path: [index, "name"],
        message: `duplicate required tag "${tag.name}" (already required_tags[${first}])`,
      });
  });
});

const exclusion = z.union(
  [
    z.strictObject({ arn_pattern: text("arn_pattern").min(1, "arn_pattern must not be empty") }),
    z.strictObject({
      tag: z.strictObject({
        key: tagName,
        value: text("value").max(TAG_VALUE_MAX).nullish(),
      }),
    }),
  ],
  { error: () => "an exclusion is { arn_pattern } or { tag: { key, value? } }" },
);

export const TaggingPolicySchema = z.strictObject({
  version: text("version").min(1, "version must not be empty"),
  last_updated: text("last_updated").nullish(),
  required_tags: requiredTags,
  optional_tags: z.array(OptionalTagSchema).default([]),
  tag_naming_rules: TagNamingRulesSchema.nullish(),
  key_matching: KeyMatchingSchema.nullish(),
  exclusions: z.array(exclusion).nullish(),
});

export type ParsedPolicyDocument = z.output<typeof TaggingPolicySchema>;
