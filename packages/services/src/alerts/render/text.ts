import type { AlertDigest } from "../digest";

// A scan that read nothing has no score: say so instead of printing 100%.
export const percent = (score: number | null) =>
  score === null ? "no score (nothing read)" : `${(score * 100).toFixed(1)}%`;

/** The one-line headline every channel leads with. */
export function headline(digest: AlertDigest): string {
  const who =
    digest.owner === null
      ? ""
      : digest.owner === ""
        ? ` (resources without a mapped ${digest.owner_tag})`
        : ` (${digest.owner_tag} ${digest.owner})`;
  const score = digest.account ? `: ${percent(digest.account.compliance_score)}` : "";
  return `Tag compliance for ${digest.client_name}${who}${score} (${digest.cadence} audit)`;
}

/** The counts line: account-wide for the full digest, the owner's own otherwise. */
export function countsLine(digest: AlertDigest): string {
  const own = `${digest.non_compliant_resources} non-compliant resources, ${digest.violations} violations`;
  if (!digest.account) return `${own}.`;
  return `${digest.account.compliant_resources} of ${digest.account.total_resources} resources compliant; ${own}.`;
}

export const partialNote = (digest: AlertDigest) =>
  digest.data_quality === "partial"
    ? "Some regions or types could not be read: these are not account-wide numbers."
    : null;

export const itemLine = (item: AlertDigest["items"][number]) =>
  `${item.resource_id} (${item.resource_type}, ${item.region}): ${item.problems.join("; ")}`;

export const moreLine = (digest: AlertDigest) => (digest.more ? `…and ${digest.more} more resources.` : null);
