// Validating what a scanning tool was asked to cover: resource types and regions.
import { COST_GENERATING_TYPES, isCostGeneratingType, isFreeType, typesOfService } from "@tagc/core";
import { invalid } from "../../errors";

/** `"all"` means every cost-generating type; free and unknown types are input errors. */
export function resolveResourceTypes(
  input: readonly string[] | undefined,
  field = "resource_types",
): string[] {
  if (!input?.length)
    throw invalid(field, `is required: give one or more resource types (e.g. ec2:instance) or "all"`);
  if (input.includes("all")) return [...COST_GENERATING_TYPES];
  const problems = input.flatMap((type) => {
    if (isCostGeneratingType(type)) return [];
    if (isFreeType(type)) return [`${type} is a free resource type (no direct cost) and is not scanned`];
    const siblings = typesOfService(type.split(":")[0] ?? "");
    return [
      `${type} is not a known resource type${siblings.length ? ` (known: ${siblings.join(", ")})` : ""}`,
    ];
  });
  if (problems.length) {
    throw invalid(
      field,
      `${problems.join("; ")}. Call get_tagging_policy and use all_applicable_resource_types, or "all".`,
    );
  }
  return [...new Set(input)].sort();
}

/** The user's region filter intersected with the account's enabled regions; unknown ones are errors. */
export function resolveRegions(
  requested: readonly string[] | undefined,
  enabled: readonly string[],
  field = "filters.regions",
): string[] {
  if (!requested?.length) return [...enabled].sort();
  const unknown = requested.filter((region) => !enabled.includes(region));
  if (unknown.length) {
    throw invalid(
      field,
      `${unknown.join(", ")} is not enabled for this account; available regions: ${[...enabled].sort().join(", ")}`,
    );
  }
  return [...new Set(requested)].sort();
}
