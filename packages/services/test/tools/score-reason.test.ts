// The reason a scan has no score, told apart by cause: the role refused, every region failed, the
// quota used up, or an estate with none of the requested types. Pure: no tenant data involved.
import { describe, expect, it } from "vitest";
import { gapNoteOf, type ScanFacts, scoreReason } from "../../src/tools/scan/score-reason";
import type { ScanIssue } from "../../src/tools/scan/types";

const NONE = { compliance_score: null, total_resources: 0 };
const quota = { limit: 1000, used: 0, remaining: 1000, over_quota: false, message: null };
const facts = (issues: ScanIssue[], over?: string): ScanFacts => ({
  data_quality: {
    status: issues.length || over ? "partial" : "complete",
    issues,
    tagged_only_types: [],
    note: null,
  },
  quota: over ? { ...quota, remaining: 0, over_quota: true, message: over } : quota,
});
const region = (name: string): ScanIssue => ({
  scope: "region",
  region: name,
  code: "REGION_FAILED",
  message: "AWS did not answer in this region.",
});

describe("scoreReason", () => {
  it("is null when there is a score, whatever the issues", () => {
    expect(
      scoreReason({ compliance_score: 0.4, total_resources: 5 }, facts([region("us-east-1")])),
    ).toBeNull();
  });

  it("names the account whose AssumeRole was refused", () => {
    const revoked: ScanIssue = {
      scope: "account",
      code: "ACCESS_REVOKED",
      account_id: "222222222222",
      message: "x",
    };
    expect(scoreReason(NONE, facts([revoked]))).toMatch(
      /^No resources could be read: AssumeRole was denied in account 222222222222\. There is no compliance score \(not 100%\)/,
    );
  });

  it("says every region failed, naming each", () => {
    expect(scoreReason(NONE, facts([region("eu-west-1"), region("us-east-1")]))).toMatch(
      /^No resources could be read: every region failed \(eu-west-1: REGION_FAILED; us-east-1: REGION_FAILED\)\./,
    );
  });

  it("says the quota trimmed everything rather than 'none found'", () => {
    expect(scoreReason(NONE, facts([], "Monthly resource quota reached (1000)."))).toBe(
      "No resources could be checked: Monthly resource quota reached (1000). There is no compliance score (not 100%).",
    );
  });

  it("tells an estate with none of the requested types apart from a read failure", () => {
    expect(scoreReason(NONE, facts([]))).toMatch(/^No resources of the requested types were found/);
  });
});

describe("gapNoteOf", () => {
  it("keeps core's note when something was read or nothing failed, and replaces it when nothing could be read", () => {
    const gap = { note: "no resources note" };
    expect(gapNoteOf(gap, 3, [region("us-east-1")])).toBe("no resources note");
    expect(gapNoteOf(gap, 0, [])).toBe("no resources note");
    expect(gapNoteOf(gap, 0, [region("us-east-1")])).toMatch(
      /^No resources could be read: every region failed/,
    );
  });
});
