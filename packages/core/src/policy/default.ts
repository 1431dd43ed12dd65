// The policy every client starts with until it saves or imports its own (TOOLS.md).
import type { TaggingPolicy } from "./types";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Frozen: it is shared by every tenant, so no caller may mutate it in place. */
export const DEFAULT_POLICY: TaggingPolicy = deepFreeze({
  version: "1.0",
  last_updated: null,
  required_tags: [
    {
      name: "Owner",
      description: "Person or team responsible for the resource",
      allowed_values: null,
      validation_regex: null,
      applies_to: [],
    },
    {
      name: "Environment",
      description: "Deployment environment",
      allowed_values: ["production", "staging", "development", "test"],
      validation_regex: null,
      applies_to: [],
    },
    {
      name: "Application",
      description: "Application the resource belongs to",
      allowed_values: null,
      validation_regex: null,
      applies_to: [],
    },
  ],
  optional_tags: [
    { name: "Project", description: "Project identifier", allowed_values: null },
    { name: "CostCenter", description: "Cost center for chargeback", allowed_values: null },
  ],
  tag_naming_rules: null,
});
