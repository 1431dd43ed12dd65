import { allApplicableResourceTypes, summarizePolicy, type TaggingPolicy } from "@tagc/core";
import type { TaggingPolicy as PolicyRow } from "@tagc/db";

export function policyView(row: PolicyRow, policy: TaggingPolicy) {
  return {
    version: row.version,
    source: row.source,
    source_ref: row.sourceRef,
    created_at: row.createdAt.toISOString(),
    policy,
    summary: summarizePolicy(policy),
    all_applicable_resource_types: allApplicableResourceTypes(policy),
  };
}
