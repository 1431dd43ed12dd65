// The fixed sentences a classification carries. They are shown on the status endpoint and in tool
// errors, so they are written here once and never built from AWS's message, which can name ARNs
// of other principals. None contains a variable, so none can contain an External ID.

export type AwsErrorCode =
  | "ACCESS_DENIED"
  | "REGION_DISABLED"
  | "THROTTLED"
  | "CONTROL_PLANE_CREDENTIALS"
  | "DURATION_TOO_LONG"
  | "INVALID_ROLE"
  | "NETWORK"
  | "TIMEOUT"
  | "REQUIRED_PERMISSION_DENIED"
  | "UNKNOWN";

/** Variants where the same code needs a different sentence depending on what failed. */
export type TextKey = AwsErrorCode | "ACCESS_DENIED_CALL" | "SESSION_REJECTED";

export const ERROR_TEXT: Record<TextKey, { message: string; fix: string }> = {
  ACCESS_DENIED: {
    message: "AWS denied AssumeRole on the customer's role.",
    fix:
      "Re-deploy the Tag Compliance CloudFormation stack from the onboarding link, and check that the " +
      "role name and External ID in the stack match the ones issued for this client (a deleted role " +
      "or an edited trust policy has the same effect).",
  },
  ACCESS_DENIED_CALL: {
    message: "The customer's role is assumable but denied a read call.",
    fix:
      "Re-deploy the latest version of the stack so the role has every read permission, and check " +
      "that no organization SCP denies the call.",
  },
  REGION_DISABLED: {
    message: "The AWS region is not enabled for the account that made the call.",
    fix:
      "Use another STS region for the control plane (its configured AWS region), or activate STS in " +
      "this region in the IAM console of the control-plane account.",
  },
  THROTTLED: {
    message: "AWS throttled the request, and retries did not get through.",
    fix: "Retry later: the request was throttled by AWS and will succeed once the call rate drops.",
  },
  CONTROL_PLANE_CREDENTIALS: {
    message: "AWS rejected the control plane's own credentials.",
    fix:
      "Operator alert: the control plane's AWS credentials are expired, invalid or missing; rotate " +
      "them. Nothing needs to change on the customer's side.",
  },
  DURATION_TOO_LONG: {
    message: "AWS refused the requested session duration.",
    fix: "Never request more than 3600 seconds: role chaining caps sessions at one hour.",
  },
  INVALID_ROLE: {
    message: "The role ARN is malformed or does not belong to the client's AWS account.",
    fix:
      "Re-deploy the stack and use the role ARN from its outputs, in the AWS account registered for " +
      "this client.",
  },
  NETWORK: {
    message: "AWS could not be reached.",
    fix: "Retry later; if it persists, check the control plane's network path and AWS endpoint setting.",
  },
  TIMEOUT: {
    message: "AWS did not answer a read call in time.",
    fix: "Retry later: the call is retried automatically; if it persists, check the AWS endpoint setting.",
  },
  REQUIRED_PERMISSION_DENIED: {
    message: "The customer's role is assumable but denies a read call the scanner cannot work without.",
    fix:
      "Re-deploy the latest version of the stack so the role grants ec2:DescribeRegions and " +
      "tag:GetResources, and check that no organization SCP denies them.",
  },
  SESSION_REJECTED: {
    message: "AWS rejected the temporary session credentials.",
    fix: "Drop the cached credentials for this client and retry: the next call assumes the role again.",
  },
  UNKNOWN: {
    message: "AWS answered with an unexpected error.",
    fix: "Retry later; if it persists, alert the operator with the time of the failure and the client id.",
  },
};
