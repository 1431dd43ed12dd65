import { describe, expect, it } from "vitest";
import { COST_ALLOCATION_NOTE, costAllocationStatus } from "../../src/cost/allocation";

describe("costAllocationStatus", () => {
  it("flags each required key that is not active, per account, case-sensitively", () => {
    const status = costAllocationStatus({
      requiredKeys: ["Owner", "Environment", "Application", "Owner"],
      activeKeysByAccount: {
        "333333333333": ["Owner", "Environment", "Application"],
        "222222222222": ["Owner", "environment", "Name"],
      },
    });
    expect(status.inactive_required_keys).toEqual([
      { key: "Application", account_ids: ["222222222222"] },
      { key: "Environment", account_ids: ["222222222222"] },
    ]);
    expect(status.attributable_verifiable).toBe(false);
    expect(status.note).toBe(COST_ALLOCATION_NOTE);
  });

  it("says nothing when every required key is active everywhere", () => {
    const status = costAllocationStatus({
      requiredKeys: ["Owner"],
      activeKeysByAccount: { "222222222222": ["Owner"] },
    });
    expect(status).toEqual({
      inactive_required_keys: [],
      unread_account_ids: [],
      attributable_verifiable: true,
      note: null,
    });
  });

  it("reports an unreadable account as unknown rather than as active", () => {
    const status = costAllocationStatus({
      requiredKeys: ["Owner"],
      activeKeysByAccount: { "222222222222": null },
    });
    expect(status.inactive_required_keys).toEqual([]);
    expect(status.unread_account_ids).toEqual(["222222222222"]);
    expect(status.attributable_verifiable).toBe(false);
    expect(status.note).toContain("ce:ListCostAllocationTags");
  });
});
