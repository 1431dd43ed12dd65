// The onboarding page's permission list speaks the customer's language: every IAM prefix the role
// grants has a product name (a new lister's prefix without one would show as "glue" or "es"), and
// every granted action appears once, with its reason.
import { SCANNER_ACTIONS } from "@tagc/cloudformation";
import { describe, expect, it } from "vitest";
import { permissionGroups, SERVICE_NAMES } from "../src/onboarding/permissions";

describe("permissionGroups", () => {
  it("names the service of every granted IAM prefix", () => {
    const prefixes = [...new Set(SCANNER_ACTIONS.map(({ action }) => action.split(":")[0] ?? action))];
    for (const prefix of prefixes) expect(SERVICE_NAMES[prefix], prefix).toMatch(/^[A-Z]/);
    for (const group of permissionGroups()) expect(group.service).not.toMatch(/^[a-z]/);
  });

  it("lists every granted action exactly once, with the template's reason", () => {
    const listed = permissionGroups().flatMap((group) => group.reads);
    expect(listed).toEqual(
      expect.arrayContaining(SCANNER_ACTIONS.map(({ action, reason }) => ({ action, reason }))),
    );
    expect(listed).toHaveLength(SCANNER_ACTIONS.length);
  });
});
