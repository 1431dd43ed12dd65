// The verification state machine (ONBOARDING.md), as a pure function of the current state and one
// verification outcome: pending → connected → degraded → revoked, and deleted.
import type { ClientStatus } from "@tagc/db";

export const REVOKE_AFTER_FAILURES = 3;

export type VerifyOutcome =
  /** Every required read succeeded; optional ones may be denied. */
  | { kind: "verified"; deniedActions: string[] }
  /** A probe failed without a denial (5xx, timeout, unreadable): the attempt proved nothing. */
  | { kind: "inconclusive" }
  /** The role was assumed but denies a read the scanner cannot work without. */
  | { kind: "required_denied" }
  | { kind: "failed"; code: string; countsTowardRevocation: boolean };

export interface ConnectionState {
  status: ClientStatus;
  consecutiveFailures: number;
}

/**
 * `countFailures` is false for the background polling of a pending client: the customer may simply not
 * have deployed the stack yet, and waiting must not revoke them. On-demand verifies and the health
 * checks of connected clients do count.
 */
export function nextState(
  state: ConnectionState,
  outcome: VerifyOutcome,
  countFailures: boolean,
): ConnectionState {
  if (state.status === "deleted") return state;
  switch (outcome.kind) {
    case "verified":
      return { status: outcome.deniedActions.length ? "degraded" : "connected", consecutiveFailures: 0 };
    // AWS failing says nothing about the role: keep the status and the count, the poller retries.
    case "inconclusive":
      return state;
    // AssumeRole succeeded, so this is not a revocation (and ends one), but no scan can run: the
    // client is degraded. A pending one stays pending, so the poller keeps checking the stack.
    case "required_denied":
      return state.status === "pending" ? state : { status: "degraded", consecutiveFailures: 0 };
    case "failed": {
      if (!outcome.countsTowardRevocation || !countFailures) return state;
      const failures = state.consecutiveFailures + 1;
      return {
        status: failures >= REVOKE_AFTER_FAILURES ? "revoked" : state.status,
        consecutiveFailures: failures,
      };
    }
  }
}
