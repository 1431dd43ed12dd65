// Turns the tasks that did not finish into data_quality issues. Every message is fixed text of
// ours (IAM action names included): AWS's own message never reaches the model.
import { isGlobalType } from "@tagc/core";
import { AssumeRoleError, classifyAwsError } from "../errors";
import type { Task } from "./state";
import type { DataQuality, DataQualityCode, DataQualityIssue } from "./types";

const NOTE_PARTIAL =
  "These results are partial: some regions, resource types or the account could not be read completely " +
  "(see issues). Do not present these numbers as account-wide totals; say which parts are missing.";
const NOTE_TAGGED_ONLY =
  "For the tagged_only_types, only resources that carry at least one tag are found (tagged resources only).";

const REGION_TEXT: Record<Exclude<DataQualityCode, "ACCESS_DENIED">, string> = {
  REGION_FAILED:
    "AWS did not answer in this region (server errors or an unreachable endpoint); its resources are missing or incomplete.",
  THROTTLED:
    "AWS kept throttling the Tagging API in this region after retries; its resources are incomplete.",
  TIMEOUT:
    "The scan deadline passed before this region was read completely; the resources found so far are included.",
  UNKNOWN: "AWS answered with an unexpected error in this region; its resources are incomplete.",
};

const typeText = (code: DataQualityCode, actions: readonly string[]): string => {
  switch (code) {
    case "ACCESS_DENIED":
      return `The role was denied ${actions.join(", ")}; resources of this type are missing or incomplete. Re-deploy the latest stack so the role has these read permissions.`;
    case "THROTTLED":
      return "AWS kept throttling the calls for this resource type after retries; its resources are incomplete.";
    case "TIMEOUT":
      return "The scan deadline passed before this resource type was read completely; the resources found so far are included.";
    default:
      return "AWS answered with an unexpected error for this resource type; its resources are incomplete.";
  }
};

const ACCOUNT_TEXT =
  "The role could not be assumed during the scan, so the account could not be read; check the connection status.";

/** How a task failed: its code, or "ACCOUNT" when the session itself could not be had. */
export function failureCode(task: Task): DataQualityCode | "ACCOUNT" {
  if (task.error instanceof AssumeRoleError) return "ACCOUNT";
  if (task.status === "pending" || task.timedOut) return "TIMEOUT";
  const { code, retryable } = classifyAwsError(task.error);
  if (code === "ACCESS_DENIED" || code === "THROTTLED") return code;
  if (code === "REGION_DISABLED" || code === "NETWORK" || retryable) return "REGION_FAILED";
  return "UNKNOWN";
}

export interface QualityInput {
  accountId: string;
  tasks: readonly Task[];
  taggedOnlyTypes: readonly string[];
  /** Every region each type was scanned in (global types: ["global"]). */
  regionsByType: ReadonlyMap<string, readonly string[]>;
}

export function buildDataQuality(input: QualityInput): DataQuality {
  const { accountId } = input;
  const issues: DataQualityIssue[] = [];
  const failedRegions = new Set<string>();
  const typeIssues: DataQualityIssue[] = [];
  const typeIssue = (type: string, region: string, code: DataQualityCode, actions: readonly string[]) =>
    typeIssues.push({
      scope: "resource_type",
      region: isGlobalType(type) ? "global" : region,
      resource_type: type,
      account_id: accountId,
      code,
      message: typeText(code, actions),
    });

  for (const task of input.tasks) {
    if (task.status === "done") continue;
    const code = failureCode(task);
    if (code === "ACCOUNT") {
      if (!issues.some((i) => i.scope === "account"))
        issues.push({
          scope: "account",
          account_id: accountId,
          code: "ACCESS_DENIED",
          message: ACCOUNT_TEXT,
        });
    } else if (task.kind === "walk") {
      if (code === "ACCESS_DENIED") {
        // Lister types read their own tags when the walk fails; the others are missing.
        for (const type of task.walkTypes ?? [])
          if (input.taggedOnlyTypes.includes(type)) typeIssue(type, task.region, code, ["tag:GetResources"]);
        continue;
      }
      if (code === "REGION_FAILED") failedRegions.add(task.region);
      issues.push({
        scope: "region",
        region: task.region,
        account_id: accountId,
        code,
        message: REGION_TEXT[code],
      });
    } else if (task.type) {
      // Server errors of one service are not a region failure: the walk tells those apart.
      typeIssue(task.type, task.region, code === "REGION_FAILED" ? "UNKNOWN" : code, task.actions ?? []);
    }
  }
  // A lister's server error in a region that failed as a whole is that same failure.
  const kept = typeIssues.filter((i) => !(i.code === "UNKNOWN" && i.region && failedRegions.has(i.region)));
  issues.push(...collapse(kept, input.regionsByType));

  const partial = issues.length > 0;
  const note = [partial ? NOTE_PARTIAL : "", input.taggedOnlyTypes.length ? NOTE_TAGGED_ONLY : ""]
    .filter(Boolean)
    .join(" ");
  return {
    status: partial ? "partial" : "complete",
    issues,
    tagged_only_types: [...input.taggedOnlyTypes],
    ...(note ? { note } : {}),
  };
}

/** A type failing the same way in every region it was scanned in is one issue without a region. */
function collapse(
  issues: readonly DataQualityIssue[],
  regionsByType: ReadonlyMap<string, readonly string[]>,
): DataQualityIssue[] {
  const groups = new Map<string, DataQualityIssue[]>();
  for (const issue of issues) {
    const key = `${issue.resource_type}\u0000${issue.code}\u0000${issue.message}`;
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  return [...groups.values()].flatMap((group) => {
    const [first] = group;
    const scanned = regionsByType.get(first?.resource_type ?? "") ?? [];
    const regions = new Set(group.map((i) => i.region));
    if (!first || scanned.length < 2 || !scanned.every((r) => regions.has(r))) return dedupe(group);
    const { region: _all, ...everywhere } = first;
    return [everywhere];
  });
}

const dedupe = (group: DataQualityIssue[]) =>
  group.filter((issue, i) => group.findIndex((other) => other.region === issue.region) === i);
