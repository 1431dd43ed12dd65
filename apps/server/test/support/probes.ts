// The probes a fully working role reports: every family's read, ok, in the table's order.
import { PROBES } from "@tagc/aws";

export const ALL_PROBES_OK = PROBES.map(({ family, action, required }) => ({
  family,
  action,
  required,
  outcome: "ok" as const,
  error_code: null,
}));
