// What one probe is and what it found. The result is the persisted and wire shape (snake_case
// error_code): the services layer stores it as jsonb and the REST edge returns it unchanged.
import type { AwsConfig } from "../config";
import type { AwsErrorCode } from "../errors";
import type { AwsCredentialIdentityProvider } from "../types";

export type ProbeFamily =
  | "EC2"
  | "Tagging"
  | "RDS"
  | "Lambda"
  | "ECS"
  | "DynamoDB"
  | "S3"
  | "Cost Explorer"
  | "Organizations";

export type ProbeOutcome = "ok" | "denied" | "failed";

export interface ProbeContext {
  config: AwsConfig;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  now: Date;
  /** Aborts the HTTP request when the probe's time is up, so no socket outlives the verify. */
  abortSignal: AbortSignal;
}

export interface Probe {
  family: ProbeFamily;
  /** The IAM action the call needs, as the role template grants it. */
  action: string;
  /** Without it the scanner cannot work at all: a denial is an error, not `degraded`. */
  required: boolean;
  run(ctx: ProbeContext): Promise<unknown>;
}

export interface ProbeResult {
  family: ProbeFamily;
  action: string;
  required: boolean;
  outcome: ProbeOutcome;
  error_code: AwsErrorCode | null;
}
