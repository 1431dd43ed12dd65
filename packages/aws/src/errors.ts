// Turns any AWS failure into a closed code, a retry hint and a fix-it sentence for the status
// endpoint. The raw AWS message is read only to tell two ValidationErrors apart and is never
// copied out: it can carry ARNs of other principals, and nothing here may echo an External ID.

import * as names from "./error-names";
import { type AwsErrorCode, ERROR_TEXT, type TextKey } from "./error-text";

export type { AwsErrorCode } from "./error-text";

export interface AwsErrorClassification {
  code: AwsErrorCode;
  retryable: boolean;
  /** AccessDenied on AssumeRole: three in a row move the client to `revoked`. */
  countsTowardRevocation: boolean;
  message: string;
  fix: string;
}

/** An AssumeRole failure, already classified; the AWS error itself is deliberately not kept. */
export class AssumeRoleError extends Error {
  override name = "AssumeRoleError";
  constructor(
    readonly classification: AwsErrorClassification,
    /** The AWS error code (e.g. "AccessDenied"): safe to log, unlike the AWS message. */
    readonly awsErrorName?: string,
  ) {
    super(classification.message);
  }

  get code(): AwsErrorCode {
    return this.classification.code;
  }
}

interface ErrorFacts {
  name: string;
  message: string;
  serverFault: boolean;
}

function factsOf(error: unknown): ErrorFacts {
  if (typeof error !== "object" || error === null) return { name: "", message: "", serverFault: false };
  const e = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  // Node socket errors keep the useful part in `code` ("ECONNREFUSED") and name themselves "Error".
  const code = typeof e.code === "string" && names.NETWORK.has(e.code) ? e.code : undefined;
  const status = e.$metadata?.httpStatusCode;
  return {
    name: code ?? (typeof e.name === "string" ? e.name : ""),
    message: typeof e.message === "string" ? e.message : "",
    serverFault: e.$fault === "server" || (typeof status === "number" && status >= 500),
  };
}

function classification(
  key: TextKey,
  code: AwsErrorCode,
  retryable: boolean,
  countsTowardRevocation = false,
): AwsErrorClassification {
  return { code, retryable, countsTowardRevocation, ...ERROR_TEXT[key] };
}

/** The target's role ARN is malformed or names another account than the one it is registered for. */
export const invalidRoleClassification = (): AwsErrorClassification =>
  classification("INVALID_ROLE", "INVALID_ROLE", false);

/** A required read (ec2:DescribeRegions, tag:GetResources) is denied: no scan can run. */
export const requiredPermissionClassification = (): AwsErrorClassification =>
  classification("REQUIRED_PERMISSION_DENIED", "REQUIRED_PERMISSION_DENIED", false);

/**
 * A probe failed without a denial (5xx, timeout, unreadable answer): the attempt proved nothing
 * either way, so it is retryable and never counts toward revocation.
 */
export const probeFailureClassification = (code: AwsErrorCode): AwsErrorClassification =>
  classification(code, code, true);

/** Failures that read the same whoever made the call. */
function classifyCommon({ name, serverFault }: ErrorFacts): AwsErrorClassification | undefined {
  if (names.REGION_DISABLED.has(name)) return classification("REGION_DISABLED", "REGION_DISABLED", false);
  if (names.THROTTLED.has(name)) return classification("THROTTLED", "THROTTLED", true);
  if (names.NO_CREDENTIALS.has(name)) {
    return classification("CONTROL_PLANE_CREDENTIALS", "CONTROL_PLANE_CREDENTIALS", false);
  }
  if (names.NETWORK.has(name)) return classification("NETWORK", "NETWORK", true);
  if (serverFault) return classification("UNKNOWN", "UNKNOWN", true);
  return undefined;
}

/** AssumeRole is called with the control plane's own keys, so a refused key is ours to fix. */
export function classifyAssumeRoleError(error: unknown): AwsErrorClassification {
  if (error instanceof AssumeRoleError) return error.classification;
  const facts = factsOf(error);
  const { name } = facts;
  // A missing role, a trust mismatch and a wrong External ID all answer AccessDenied, as in AWS.
  if (names.ACCESS_DENIED.has(name)) return classification("ACCESS_DENIED", "ACCESS_DENIED", false, true);
  if (names.TOKEN_REJECTED.has(name)) {
    return classification("CONTROL_PLANE_CREDENTIALS", "CONTROL_PLANE_CREDENTIALS", false);
  }
  if (names.VALIDATION.has(name)) {
    return /DurationSeconds|session limit/i.test(facts.message)
      ? classification("DURATION_TOO_LONG", "DURATION_TOO_LONG", false)
      : classification("INVALID_ROLE", "INVALID_ROLE", false);
  }
  return classifyCommon(facts) ?? classification("UNKNOWN", "UNKNOWN", false);
}

/**
 * Any other call, made with a tenant's session. AccessDenied here means a narrowed policy or an
 * SCP (`degraded`), not revocation; a refused session token is fixed by assuming the role again.
 */
export function classifyAwsError(error: unknown): AwsErrorClassification {
  // The session provider failed to assume the role: report that failure, not a generic one.
  if (error instanceof AssumeRoleError) return error.classification;
  const facts = factsOf(error);
  if (names.ACCESS_DENIED.has(facts.name))
    return classification("ACCESS_DENIED_CALL", "ACCESS_DENIED", false);
  if (names.TOKEN_REJECTED.has(facts.name)) return classification("SESSION_REJECTED", "UNKNOWN", true);
  return classifyCommon(facts) ?? classification("UNKNOWN", "UNKNOWN", false);
}

/** The AWS error code alone, for logs: never the message. */
export function awsErrorName(error: unknown): string | undefined {
  return factsOf(error).name || undefined;
}
