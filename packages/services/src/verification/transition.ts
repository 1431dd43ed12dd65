// The verification state machine (ONBOARDING.md), as a pure function of the current state and one
// verification outcome: pending → connected → degraded → revoked, and deleted.
import type { ClientStatus } from "@tagc/db";

export const REVOKE_AFTER_FAILURES = 3;

export type VerifyOutcome =
  | { ok: true; deniedActions: string[] }
  | { ok: false; code: string; countsTowardRevocation: boolean };

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
  if (outcome.ok) {
    return { status: outcome.deniedActions.length ? "degraded" : "connected", consecutiveFailures: 0 };
  }
  if (!outcome.countsTowardRevocation || !countFailures) return state;
  const failures = state.consecutiveFailures + 1;
  return {
    status: failures >= REVOKE_AFTER_FAILURES ? "revoked" : state.status,
    consecutiveFailures: failures,
  };
}
