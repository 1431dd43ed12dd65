// Test-only model of Cloud Custodian's policy file: a zod schema of the parts the generator uses
// (strict, so a misspelt key fails) and an evaluator of its tag filters with Custodian's semantics,
// so tests can show which resources a generated policy would match.
import { z } from "zod";
import { CUSTODIAN_RESOURCES } from "../../src/generators/custodian-resources";

export type Filter =
  | { [tagKey: `tag:${string}`]: "absent" | "present" }
  | { type: "value"; key: string; op: "not-in" | "regex-case"; value: string | string[] }
  | { or: Filter[] }
  | { and: Filter[] }
  | { not: Filter[] };

const tagPresence = z
  .record(z.string().regex(/^tag:.+/), z.enum(["absent", "present"]))
  .refine((record) => Object.keys(record).length === 1, "a tag filter has exactly one key");

const valueFilter = z.strictObject({
  type: z.literal("value"),
  key: z.string().regex(/^tag:.+/),
  op: z.enum(["not-in", "regex-case"]),
  value: z.union([z.string(), z.array(z.string()).min(1)]),
});

export const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.strictObject({ or: z.array(filterSchema).min(2) }),
    z.strictObject({ and: z.array(filterSchema).min(2) }),
    z.strictObject({ not: z.array(filterSchema).length(1) }),
    valueFilter,
    tagPresence,
  ]),
) as z.ZodType<Filter>;

const notify = z.strictObject({
  type: z.literal("notify"),
  template: z.string(),
  subject: z.string(),
  violation_desc: z.string(),
  action_desc: z.string(),
  to: z.array(z.string()).min(1),
  transport: z.strictObject({ type: z.literal("sqs"), queue: z.string().min(1) }),
});

const tag = z.strictObject({ type: z.literal("tag"), tags: z.record(z.string(), z.string()) });

export const custodianPolicySchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
  resource: z.enum(Object.values(CUSTODIAN_RESOURCES) as [string, ...string[]]),
  description: z.string().min(1),
  filters: z.array(filterSchema).min(1),
  actions: z.array(z.union([notify, tag])).min(1),
});

export const custodianFileSchema = z
  .strictObject({ policies: z.array(custodianPolicySchema).min(1) })
  .refine(
    (file) => new Set(file.policies.map((p) => p.name)).size === file.policies.length,
    "names are unique",
  );

/** Whether `filter` matches a resource with `tags`, as Custodian evaluates it. */
export function matches(filter: Filter, tags: Record<string, string>): boolean {
  if ("or" in filter) return filter.or.some((f) => matches(f, tags));
  if ("and" in filter) return filter.and.every((f) => matches(f, tags));
  if ("not" in filter) return !filter.not.every((f) => matches(f, tags));
  if ("type" in filter) {
    const value = tags[filter.key.slice(4)];
    if (filter.op === "not-in") return !(filter.value as string[]).includes(value as string);
    // regex-case: Python re.match, case-sensitive; a missing value never matches.
    return value !== undefined && new RegExp(filter.value as string, "y").test(value);
  }
  const [[key, state]] = Object.entries(filter) as [[string, string]];
  return (tags[key.slice(4)] !== undefined) === (state === "present");
}
