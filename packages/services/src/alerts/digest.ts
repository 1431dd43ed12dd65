// What a scheduled audit's alert says, computed once from the run's analysis (so every channel and
// every owner's message agrees with the stored snapshot) and carried in the delivery job's payload.
import type { Resource, Violation } from "@tagc/core";
import type { AuditSchedule, Client } from "@tagc/db";
import type { Analysis } from "../tools/scan/analyse";

/** Resources listed per message; the rest are counted ("and 12 more"). */
export const DIGEST_ITEMS = 25;

export interface DigestItem {
  resource_id: string;
  resource_type: string;
  region: string;
  /** One line per violation, e.g. "Owner missing", "Environment: \"prod\" not allowed". */
  problems: string[];
}

export interface AlertDigest {
  client_name: string;
  schedule_id: string;
  cadence: string;
  run_at: string;
  /** null: the whole account; a value: that owner's resources only; "": resources with no mapped owner. */
  owner: string | null;
  owner_tag: string | null;
  /** Account-wide numbers, for the full digest only (an owner sees only their own counts). */
  account: {
    compliance_score: number | null;
    total_resources: number;
    compliant_resources: number;
  } | null;
  non_compliant_resources: number;
  violations: number;
  data_quality: "complete" | "partial";
  items: DigestItem[];
  more: number;
}

function problem(violation: Violation): string {
  if (violation.violation_type === "missing_required_tag") return `${violation.tag_name} missing`;
  return `${violation.tag_name}: "${violation.current_value ?? ""}" ${violation.violation_type.replaceAll("_", " ")}`;
}

/** The owner tag's value: the exact key first, then any spelling of it (Owner, owner, OWNER). */
function ownerOf(resource: Resource | undefined, tag: string): string | undefined {
  if (!resource) return undefined;
  if (resource.tags[tag] !== undefined) return resource.tags[tag];
  const key = Object.keys(resource.tags).find((k) => k.toLowerCase() === tag.toLowerCase());
  return key === undefined ? undefined : resource.tags[key];
}

function digestOf(
  base: Omit<AlertDigest, "non_compliant_resources" | "violations" | "items" | "more">,
  violations: Violation[],
): AlertDigest {
  const byResource = new Map<string, DigestItem>();
  for (const violation of violations) {
    const item = byResource.get(violation.resource_arn) ?? {
      resource_id: violation.resource_id,
      resource_type: violation.resource_type,
      region: violation.region,
      problems: [],
    };
    item.problems.push(problem(violation));
    byResource.set(violation.resource_arn, item);
  }
  const items = [...byResource.values()];
  return {
    ...base,
    non_compliant_resources: items.length,
    violations: violations.length,
    items: items.slice(0, DIGEST_ITEMS),
    more: Math.max(0, items.length - DIGEST_ITEMS),
  };
}

export interface RoutedDigest {
  owner: string;
  digest: AlertDigest;
}

/**
 * The account-wide digest, and with owner routing one digest per owner value that has violations
 * (only that owner's resources), plus one for the resources whose owner is missing or unmapped
 * (owner "") when the schedule names a fallback.
 */
export function buildDigests(client: Client, schedule: AuditSchedule, analysis: Analysis, runAt: Date) {
  const { evaluation, scan } = analysis;
  const routing = schedule.delivery.owners;
  const base = {
    client_name: client.name,
    schedule_id: schedule.id,
    cadence: schedule.cadence,
    run_at: runAt.toISOString(),
    owner_tag: routing?.tag ?? null,
    data_quality: scan.data_quality.status,
  };
  const full = digestOf(
    {
      ...base,
      owner: null,
      account: {
        compliance_score: evaluation.compliance_score,
        total_resources: evaluation.total_resources,
        compliant_resources: evaluation.compliant_resources,
      },
    },
    evaluation.violations,
  );
  if (!routing) return { full, routed: [] as RoutedDigest[] };
  const byArn = new Map(scan.resources.map((resource) => [resource.arn, resource]));
  const groups = new Map<string, Violation[]>();
  for (const violation of evaluation.violations) {
    const value = ownerOf(byArn.get(violation.resource_arn), routing.tag);
    // Only mapped owners get their own message: a tag value is customer data, never an address.
    const owner = value !== undefined && Object.hasOwn(routing.to, value) ? value : "";
    if (owner === "" && !routing.fallback) continue;
    groups.set(owner, [...(groups.get(owner) ?? []), violation]);
  }
  const routed = [...groups].map(([owner, violations]) => ({
    owner,
    digest: digestOf({ ...base, owner, account: null }, violations),
  }));
  return { full, routed };
}
