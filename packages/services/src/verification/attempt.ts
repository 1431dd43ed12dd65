// What one verifyAccess result means for the control plane: the state-machine outcome, and the
// error code and message recorded on the connection. Pure, so each verdict is tested by table.
import type { VerifyAccessResult } from "@tagc/aws";
import type { VerifyOutcome } from "./transition";

export interface AttemptRecord {
  outcome: VerifyOutcome;
  code: string | null;
  message: string | null;
}

export function describeAttempt(result: VerifyAccessResult): AttemptRecord {
  if (result.ok) {
    const denied = result.deniedActions;
    return {
      outcome: { kind: "verified", deniedActions: denied },
      code: denied.length ? "DEGRADED" : null,
      message: denied.length ? `These read calls are denied: ${denied.join(", ")}` : null,
    };
  }
  if (result.verdict === "inconclusive") {
    const failed = result.probes.filter((p) => p.outcome === "failed");
    return {
      outcome: { kind: "inconclusive" },
      code: "INCONCLUSIVE",
      message: `AWS failed these read calls without denying them: ${failed
        .map((p) => `${p.action} (${p.error_code ?? "UNKNOWN"})`)
        .join(", ")}`,
    };
  }
  const deniedRequired = result.probes.filter((p) => p.required && p.outcome === "denied");
  if (deniedRequired.length) {
    return {
      outcome: { kind: "required_denied" },
      code: "REQUIRED_PERMISSION_DENIED",
      message: `These read calls the scanner cannot work without are denied: ${deniedRequired
        .map((p) => p.action)
        .join(", ")}`,
    };
  }
  return {
    outcome: {
      kind: "failed",
      code: result.error.code,
      countsTowardRevocation: result.error.countsTowardRevocation,
    },
    code: result.error.code,
    message: result.error.message,
  };
}
