// Entry point for every policy that enters the system (saved, uploaded, imported, loaded from the
// database): it either yields the canonical policy plus warnings, or every error with its path.
import type { z } from "zod";
import { formatPath, type PolicyIssue } from "./issues";
import { normalizePolicy } from "./normalize";
import { TaggingPolicySchema } from "./schema";
import type { TaggingPolicy } from "./types";

export type ParsePolicyResult =
  | { ok: true; policy: TaggingPolicy; warnings: PolicyIssue[] }
  | { ok: false; errors: PolicyIssue[] };

function toPolicyIssues(issue: z.core.$ZodIssue): PolicyIssue[] {
  // zod reports unknown keys on the parent object; name each key so the author sees which one.
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: `unknown field "${key}"`,
    }));
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}

export function parsePolicy(input: unknown): ParsePolicyResult {
  const parsed = TaggingPolicySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(toPolicyIssues) };
  const { policy, warnings } = normalizePolicy(parsed.data);
  return { ok: true, policy, warnings };
}
