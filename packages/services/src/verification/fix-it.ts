// What the operator (and the customer) should do about each verification error. The AWS
// classifications come from @tagc/aws; DEGRADED, INCONCLUSIVE and EXTERNAL_ID_EXPIRED are the
// control plane's own. INCONCLUSIVE names the probes that failed, so its text is built from them.
import type { StoredProbe } from "@tagc/db";

const FIXES: Record<string, string> = {
  ACCESS_DENIED:
    "AssumeRole was denied: the role is missing, its trust was edited, or the External ID does not match. Re-deploy the stack from the onboarding link (it carries this client's External ID and role name).",
  INVALID_ROLE: "The role ARN is not valid. Pass the RoleArn output of the CloudFormation stack.",
  REGION_DISABLED:
    "STS is not activated in the control plane's region for this account. Use another STS region (AWS_REGION).",
  THROTTLED: "AWS throttled the request. Retry later; nothing needs to change.",
  CONTROL_PLANE_CREDENTIALS:
    "The control plane's own AWS credentials are expired or invalid. Operator alert: renew them.",
  DURATION_TOO_LONG:
    "The session duration was over one hour; role chaining caps sessions at 3600 s. Operator alert.",
  NETWORK: "AWS could not be reached. Retry later.",
  UNKNOWN:
    "An unexpected AWS error occurred. Retry later; if it persists, contact support with the request id.",
  REQUIRED_PERMISSION_DENIED:
    "The role can be assumed but denies ec2:DescribeRegions or tag:GetResources, without which no scan can run. Re-deploy the latest template, or lift the SCP on the listed actions.",
  TIMEOUT: "AWS did not answer in time. This is usually transient; we retry automatically.",
  INCONCLUSIVE:
    "AWS failed some read calls without denying them. This is usually transient; we retry automatically.",
  DEGRADED:
    "The role can be assumed but some read calls are denied (a narrowed policy or an SCP). Re-deploy the latest template, or lift the SCP on the listed actions.",
  EXTERNAL_ID_EXPIRED:
    "The External ID expired 48 hours after registration without a successful verification. Register the client again to get a new External ID and onboarding link.",
  ROLE_ARN_REQUIRED: "The AWS account id is unknown. Pass role_arn (the stack's RoleArn output) to verify.",
};

/** How a probe failure reads to a person: what AWS did, never AWS's own message. */
const FAILURE_WORDS: Record<string, string> = {
  UNKNOWN: "answered with a server error (5xx) or an unreadable response",
  TIMEOUT: "did not answer within the probe timeout",
  THROTTLED: "throttled the call",
  NETWORK: "could not be reached",
  REGION_DISABLED: "refused the region",
};

/** "AWS answered with a server error (5xx) for rds:DescribeDBInstances; …" for the failed probes. */
export function inconclusiveFix(probes: readonly StoredProbe[]): string {
  const failed = probes.filter((p) => p.outcome === "failed");
  if (!failed.length) return FIXES.INCONCLUSIVE!;
  const parts = failed.map(
    (p) => `AWS ${FAILURE_WORDS[p.error_code ?? "UNKNOWN"] ?? FAILURE_WORDS.UNKNOWN} for ${p.action}`,
  );
  return `${parts.join("; ")}. This is usually transient; we retry automatically, and the status stays as it was until an attempt succeeds.`;
}

export const fixFor = (
  code: string | null | undefined,
  probes: readonly StoredProbe[] | null = null,
): string | null => {
  if (!code) return null;
  if (code === "INCONCLUSIVE") return inconclusiveFix(probes ?? []);
  return FIXES[code] ?? FIXES.UNKNOWN!;
};
