// Failures of the single-shot reads (regions, Cost Explorer, Organizations), already classified.
// Like AssumeRoleError, the AWS error itself is not kept: its message can name other principals.
import { type AwsErrorCode, awsErrorName, classifyAwsError } from "../errors";

export type AwsReadErrorCode = AwsErrorCode | "ORG_NOT_IN_USE" | "POLICY_NOT_FOUND";

export interface AwsReadErrorDetails {
  retryable: boolean;
  fix: string;
  /** IAM actions the role needs, named on ACCESS_DENIED. */
  actions?: readonly string[];
  /** The AWS error code (e.g. "AccessDenied"): safe to log, unlike the AWS message. */
  awsErrorName?: string;
}

export class AwsReadError extends Error {
  override name = "AwsReadError";
  constructor(
    readonly code: AwsReadErrorCode,
    message: string,
    readonly details: AwsReadErrorDetails,
  ) {
    super(message);
  }
}

/** Classifies any AWS failure of a read that needs `actions`; ACCESS_DENIED names them. */
export function awsReadError(error: unknown, actions: readonly string[]): AwsReadError {
  if (error instanceof AwsReadError) return error;
  const classification = classifyAwsError(error);
  const name = awsErrorName(error);
  const details = { retryable: classification.retryable, ...(name ? { awsErrorName: name } : {}) };
  if (classification.code === "ACCESS_DENIED") {
    return new AwsReadError("ACCESS_DENIED", `The customer's role may not call ${actions.join(" / ")}.`, {
      ...details,
      actions,
      fix: `Grant ${actions.join(" and ")} to the role (re-deploy the latest stack), and check that no SCP denies them.`,
    });
  }
  return new AwsReadError(classification.code, classification.message, {
    ...details,
    fix: classification.fix,
  });
}
