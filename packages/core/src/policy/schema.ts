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

export const RequiredTagSchema = z.strictObject({
  name: tagName,
  description: text("description"),
  allowed_values: allowedValues.nullish(),
  validation_regex: validationRegex.nullish(),
  applies_to: z.array(resourceType).nullish(),
});

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

export const TaggingPolicySchema = z.strictObject({
  version: text("version").min(1, "version must not be empty"),
  last_updated: text("last_updated").nullish(),
  required_tags: requiredTags,
  optional_tags: z.array(OptionalTagSchema).default([]),
  tag_naming_rules: TagNamingRulesSchema.nullish(),
});

export type ParsedPolicyDocument = z.output<typeof TaggingPolicySchema>;
