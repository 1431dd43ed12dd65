// The pure check behind the server's boot identity: which caller ARNs are the scanner role the
// customer templates trust, and what the message says when one is not.
import { describe, expect, it } from "vitest";
import { checkScannerIdentity, matchesRolePattern, parseCallerRole } from "../src/scanner-identity";

const CONFIG = { platformAccountId: "111111111111", rolePattern: "tagc-scanner-*" };

describe("parseCallerRole", () => {
  it.each([
    ["arn:aws:sts::111111111111:assumed-role/tagc-scanner-prod/i-0abc", "111111111111", "tagc-scanner-prod"],
    [
      "arn:aws:sts::111111111111:assumed-role/tagc-scanner-prod/ecs-task@x.y",
      "111111111111",
      "tagc-scanner-prod",
    ],
    ["arn:aws:iam::111111111111:role/tagc-scanner-test", "111111111111", "tagc-scanner-test"],
    ["arn:aws:iam::111111111111:role/ops/tagc-scanner-test", "111111111111", "ops/tagc-scanner-test"],
    ["arn:aws-cn:sts::222222222222:assumed-role/r/s", "222222222222", "r"],
  ])("%s is a role in %s named %s", (arn, accountId, roleName) => {
    expect(parseCallerRole(arn)).toEqual({ accountId, roleName });
  });

  it.each([
    "arn:aws:iam::111111111111:user/alice",
    "arn:aws:iam::111111111111:root",
    "arn:aws:sts::111111111111:federated-user/bob",
    "arn:aws:sts::11111111111:assumed-role/tagc-scanner-x/s",
    "not an arn",
  ])("%s is not a role", (arn) => {
    expect(parseCallerRole(arn)).toBeUndefined();
  });
});

describe("matchesRolePattern", () => {
  it.each([
    ["tagc-scanner-prod", "tagc-scanner-*", true],
    ["tagc-scanner-", "tagc-scanner-*", true],
    ["tagc-scanner", "tagc-scanner-*", false],
    ["xtagc-scanner-prod", "tagc-scanner-*", false],
    ["tagc-scanner-a", "tagc-scanner-?", true],
    ["tagc-scanner-ab", "tagc-scanner-?", false],
    // Regex metacharacters in a role name are literal: "." must not match any character.
    ["tagcXscanner", "tagc.scanner", false],
    ["tagc.scanner", "tagc.scanner", true],
    ["tagc+scanner", "tagc+scanner", true],
    // ArnLike compares the whole component after role/: a role with a path needs the path in the pattern.
    ["ops/tagc-scanner-x", "tagc-scanner-*", false],
    ["ops/tagc-scanner-x", "*tagc-scanner-*", true],
  ])("%s against %s is %s", (name, pattern, expected) => {
    expect(matchesRolePattern(name, pattern)).toBe(expected);
  });
});

describe("checkScannerIdentity", () => {
  it("accepts the scanner role in the operator's account, session or role ARN", () => {
    expect(
      checkScannerIdentity("arn:aws:sts::111111111111:assumed-role/tagc-scanner-prod/task", CONFIG),
    ).toEqual({
      ok: true,
      accountId: "111111111111",
      roleName: "tagc-scanner-prod",
    });
    expect(checkScannerIdentity("arn:aws:iam::111111111111:role/tagc-scanner-test", CONFIG).ok).toBe(true);
  });

  it("names both account ids when the identity is in another account", () => {
    const result = checkScannerIdentity("arn:aws:iam::999999999999:role/tagc-scanner-test", CONFIG);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.accountId).toBe("999999999999");
    expect(result.message).toContain(
      "it is in account 999999999999, but PLATFORM_ACCOUNT_ID is 111111111111",
    );
    expect(result.message).not.toContain("SCANNER_ROLE_PATTERN tagc");
    expect(result.message).toContain("Set PLATFORM_ACCOUNT_ID");
  });

  it("names the pattern and the actual role when the role is outside the pattern", () => {
    const result = checkScannerIdentity("arn:aws:iam::111111111111:role/billing-reader", CONFIG);
    expect(result).toMatchObject({ ok: false, accountId: "111111111111", roleName: "billing-reader" });
    if (result.ok) return;
    expect(result.message).toContain(
      "its role is billing-reader, which does not match SCANNER_ROLE_PATTERN tagc-scanner-*",
    );
    expect(result.message).not.toContain("PLATFORM_ACCOUNT_ID is");
    expect(result.message).toContain("run the server as the scanner role");
  });

  it("refuses an IAM user even in the right account, and names both problems together", () => {
    const user = checkScannerIdentity("arn:aws:iam::111111111111:user/deploy", CONFIG);
    expect(user).toMatchObject({ ok: false, accountId: "111111111111", roleName: undefined });
    if (!user.ok)
      expect(user.message).toContain(
        "it is not an IAM role, but the templates trust roles named tagc-scanner-*",
      );
    const both = checkScannerIdentity("arn:aws:sts::999999999999:assumed-role/billing-reader/s", CONFIG);
    if (both.ok) throw new Error("expected a refusal");
    expect(both.message).toContain("account 999999999999, but PLATFORM_ACCOUNT_ID is 111111111111");
    expect(both.message).toContain("its role is billing-reader");
  });
});
