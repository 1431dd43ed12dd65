// The platform-neutral export: every resource with the tags to set and why each value was chosen.

import { resourceHints } from "./remediation-hints";
import type { ResourceRemediation, TagChange } from "./remediation-plan";
import { tagsOf } from "./remediation-plan";

export interface GenericResourceExport {
  resource_arn: string;
  resource_id: string;
  resource_type: string;
  region: string;
  account_id: string;
  tags_to_set: Record<string, string>;
  changes: TagChange[];
  remediation_hints?: string[];
}

export function genericExport(
  plan: readonly ResourceRemediation[],
  includeHints: boolean,
): { resources: GenericResourceExport[] } {
  return {
    resources: plan.map((entry) => ({
      ...entry,
      tags_to_set: { ...tagsOf(entry) },
      ...(includeHints ? { remediation_hints: resourceHints(entry) } : {}),
    })),
  };
}
