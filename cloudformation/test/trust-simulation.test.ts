import { describe, expect, it } from "vitest";
import { type PolicyDocument, renderRole } from "../src/index";
import {
  type AssumeAttempt,
  assumeAction,
  assumeRoleCall,
  CONTROL_PLANE_ACCOUNT,
  decide,
  SCANNER_ROLE_ARN,
} from "./simulate";

const EXTERNAL_ID = "q7Vx2LmN9pR4sT6uW8yZ1aB3cD5eF7gH";
const { trustPolicy } = renderRole({
  platformAccountId: CONTROL_PLANE_ACCOUNT,
  externalId: EXTERNAL_ID,
  roleName: "TagComplianceReadOnly",
});

const scanner: AssumeAttempt = {
  principal: SCANNER_ROLE_ARN,
  principalArn: SCANNER_ROLE_ARN,
  externalId: EXTERNAL_ID,
};
const otherAccountScanner = "arn:aws:iam::999999999999:role/tagc-scanner-prod";
const otherRole = "arn:aws:iam::111111111111:role/some-other-role";

describe("the rendered trust policy, sts:AssumeRole", () => {
  it("allows the scanner role with the right External ID", async () => {
    expect(await decide(assumeAction(trustPolicy, "sts:AssumeRole", scanner))).toBe("Allowed");
  });

  it("allows a session of the scanner role (how the scanner actually calls STS)", async () => {
    const session = {
      ...scanner,
      principal: "arn:aws:sts::111111111111:assumed-role/tagc-scanner-prod/worker-1",
    };
    expect(await decide(assumeAction(trustPolicy, "sts:AssumeRole", session))).toBe("Allowed");
  });

  const denied: [string, AssumeAttempt][] = [
    ["a wrong External ID", { ...scanner, externalId: "z".repeat(32) }],
    ["no External ID", { principal: SCANNER_ROLE_ARN, principalArn: SCANNER_ROLE_ARN }],
    ["the External ID in another case", { ...scanner, externalId: EXTERNAL_ID.toLowerCase() }],
    ["another account", { ...scanner, principal: otherAccountScanner, principalArn: otherAccountScanner }],
    ["a role outside the scanner pattern", { ...scanner, principal: otherRole, principalArn: otherRole }],
  ];

  it.each(denied)("denies %s", async (_label, attempt) => {
    expect(await decide(assumeAction(trustPolicy, "sts:AssumeRole", attempt))).toBe("ImplicitlyDenied");
  });
});

describe("the rendered trust policy, the whole AssumeRole call with SourceIdentity", () => {
  const withSource = { ...scanner, sourceIdentity: "cli_01hx7k2m" };

  it("allows the broker's real call (External ID and SourceIdentity = client id)", async () => {
    expect(await assumeRoleCall(trustPolicy, withSource)).toBe(true);
  });

  it("still requires the External ID when a SourceIdentity is set", async () => {
    const { externalId: _dropped, ...noExternalId } = withSource;
    expect(await assumeRoleCall(trustPolicy, noExternalId)).toBe(false);
    expect(await assumeRoleCall(trustPolicy, { ...withSource, externalId: "z".repeat(32) })).toBe(false);
  });

  it.each([
    ["another account", otherAccountScanner],
    ["a role outside the scanner pattern", otherRole],
  ])("denies sts:SetSourceIdentity from %s", async (_label, caller) => {
    const attempt = { ...withSource, principal: caller, principalArn: caller };
    expect(await decide(assumeAction(trustPolicy, "sts:SetSourceIdentity", attempt))).toBe(
      "ImplicitlyDenied",
    );
  });

  it("would refuse SetSourceIdentity if both actions shared one statement conditioned on sts:ExternalId", async () => {
    // Why the template uses two statements: STS gives sts:SetSourceIdentity no sts:ExternalId
    // key, so a collapsed statement never matches it and the broker's call fails even with the
    // right External ID.
    const [assume] = trustPolicy.Statement;
    if (assume === undefined) throw new Error("trust policy has no statements");
    const collapsed: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [{ ...assume, Action: ["sts:AssumeRole", "sts:SetSourceIdentity"] }],
    };
    expect(await decide(assumeAction(collapsed, "sts:AssumeRole", withSource))).toBe("Allowed");
    expect(await decide(assumeAction(collapsed, "sts:SetSourceIdentity", withSource))).toBe(
      "ImplicitlyDenied",
    );
    expect(await assumeRoleCall(collapsed, withSource)).toBe(false);
  });
});
