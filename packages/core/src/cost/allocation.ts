// Cost-allocation truth: Cost Explorer only splits spend by a tag key once that key is activated for
// cost allocation (Billing console, or ce:UpdateCostAllocationTagsStatus). A required policy key
// that is not active in an account cannot be checked against the bill there, so the "attributable"
// spend the gap reports for it is unknowable: the gap keeps its numbers and says so.

export interface CostAllocationInput {
  /** The policy's required tag keys. */
  requiredKeys: readonly string[];
  /**
   * Per account: the tag keys whose cost-allocation status is Active (ce:ListCostAllocationTags),
   * or null when the list could not be read.
   */
  activeKeysByAccount: Readonly<Record<string, readonly string[] | null>>;
}

export interface InactiveRequiredKey {
  key: string;
  /** Accounts where the key is not active, sorted. */
  account_ids: string[];
}

export interface CostAllocationStatus {
  /** Required keys not active for cost allocation in at least one account; empty when all are. */
  inactive_required_keys: InactiveRequiredKey[];
  /** Accounts whose cost-allocation tags could not be read: nothing is known there. */
  unread_account_ids: string[];
  /** False when a required key is inactive (or unread) somewhere: attributable spend is then unknowable. */
  attributable_verifiable: boolean;
  note: string | null;
}

export const COST_ALLOCATION_NOTE =
  "Some required tag keys are not activated for cost allocation, so Cost Explorer cannot split spend by them: the attributable spend of resources relying on them is unknowable and shown only as an estimate. Activate them in Billing > Cost allocation tags.";
const UNREAD_NOTE =
  "The cost-allocation tags of some accounts could not be read (ce:ListCostAllocationTags): whether their attributable spend can be checked against the bill is unknown.";

export function costAllocationStatus(input: CostAllocationInput): CostAllocationStatus {
  // Tag keys are case-sensitive in AWS, so "environment" active does not activate "Environment".
  const required = [...new Set(input.requiredKeys)].sort();
  const accounts = Object.keys(input.activeKeysByAccount).sort();
  const unread = accounts.filter((id) => input.activeKeysByAccount[id] === null);
  const inactive: InactiveRequiredKey[] = [];
  for (const key of required) {
    const missing = accounts.filter((id) => {
      const active = input.activeKeysByAccount[id];
      return active !== null && active !== undefined && !active.includes(key);
    });
    if (missing.length) inactive.push({ key, account_ids: missing });
  }
  const notes = [...(inactive.length ? [COST_ALLOCATION_NOTE] : []), ...(unread.length ? [UNREAD_NOTE] : [])];
  return {
    inactive_required_keys: inactive,
    unread_account_ids: unread,
    attributable_verifiable: inactive.length === 0 && unread.length === 0,
    note: notes.length ? notes.join(" ") : null,
  };
}
