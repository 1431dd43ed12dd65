// A scoring call whose role was refused: the answer is "nothing could be read, and why", with no
// score, rather than a bare error the model may paraphrase or a 1.0 over zero resources. Later calls
// still fail at once with ACCESS_REVOKED (the client is marked revoked by credentials.ts).
import type { ComplianceEvaluation } from "@tagc/core";
import { ServiceError } from "../../errors";
import type { ToolCtx } from "../context";
import type { Analysis } from "./analyse";

const accountOf = (error: unknown): string | undefined => {
  if (!(error instanceof ServiceError) || error.code !== "ACCESS_REVOKED") return undefined;
  const account = error.details?.account_id;
  return typeof account === "string" ? account : undefined;
};

const EMPTY: ComplianceEvaluation = {
  compliance_score: null,
  total_resources: 0,
  compliant_resources: 0,
  non_compliant_resources: 0,
  excluded: 0,
  cost_weighted_compliance: null,
  cost_weighted_reason: "nothing could be read",
  violations: [],
  violation_counts: { total: 0, errors: 0, warnings: 0 },
  by_region: {},
  by_account: {},
  not_taggable: [],
};

/** The empty analysis of an account whose AssumeRole was refused during this call; else undefined. */
export function unreadAnalysis(
  ctx: ToolCtx,
  error: unknown,
): Pick<Analysis, "evaluation" | "gap" | "scan"> | undefined {
  const accountId = accountOf(error);
  if (!accountId || !(error instanceof Error)) return undefined;
  return {
    evaluation: EMPTY,
    gap: null,
    scan: {
      scan_id: null,
      resources: [],
      accounts: [accountId],
      regions: [],
      scanned_at: ctx.deps.now().toISOString(),
      from_cache: false,
      data_quality: {
        status: "partial",
        issues: [{ scope: "account", code: "ACCESS_REVOKED", account_id: accountId, message: error.message }],
        tagged_only_types: [],
        note: "Nothing could be read: AWS refused to let Tag Compliance Cloud assume the role. Do not present any number as the account's compliance; tell the user to re-deploy the stack.",
      },
      // Nothing was scanned, so nothing was metered; the tier's numbers are not known here.
      quota: { limit: null, used: 0, remaining: null, over_quota: false, message: null },
    },
  };
}
