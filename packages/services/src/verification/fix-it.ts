// What the operator (and the customer) should do about each verification error. The AWS
// classifications come from @tagc/aws; DEGRADED and EXTERNAL_ID_EXPIRED are the control plane's own.

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
  DEGRADED:
    "The role can be assumed but some read calls are denied (a narrowed policy or an SCP). Re-deploy the latest template, or lift the SCP on the listed actions.",
  EXTERNAL_ID_EXPIRED:
    "The External ID expired 48 hours after registration without a successful verification. Register the client again to get a new External ID and onboarding link.",
  ROLE_ARN_REQUIRED: "The AWS account id is unknown. Pass role_arn (the stack's RoleArn output) to verify.",
};

export const fixFor = (code: string | null | undefined): string | null =>
  code ? (FIXES[code] ?? FIXES.UNKNOWN!) : null;
