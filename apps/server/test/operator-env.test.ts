// The operator's identity and template in the one env schema: outside demo mode the account, the S3
// template URL and the link secret are required, and every bad value stops the boot naming it.
import { describe, expect, it } from "vitest";
import { DEMO_ONBOARDING_LINK_SECRET, parseEnv, TEMPLATE_URL_HINT } from "../src/env";
import { OPERATOR_ENV, TEST_TEMPLATE_URL } from "./support/operator-env";

const without = (name: string) =>
  Object.fromEntries(Object.entries(OPERATOR_ENV).filter(([k]) => k !== name));

describe("operator environment", () => {
  it("reads the operator's account, scanner pattern, S3 template URL and link secret", () => {
    const env = parseEnv({ ...OPERATOR_ENV, SCANNER_ROLE_PATTERN: "acme-scan-?-*" });
    expect(env).toMatchObject({
      PLATFORM_ACCOUNT_ID: "111111111111",
      SCANNER_ROLE_PATTERN: "acme-scan-?-*",
      TEMPLATE_URL: TEST_TEMPLATE_URL,
      ONBOARDING_LINK_SECRET: OPERATOR_ENV.ONBOARDING_LINK_SECRET,
    });
    expect(parseEnv({ ...OPERATOR_ENV }).SCANNER_ROLE_PATTERN).toBe("tagc-scanner-*");
  });

  it("demo mode defaults to the sandbox's control-plane account and a fixed demo link secret", () => {
    const env = parseEnv({ DEMO: "true" });
    expect(env.PLATFORM_ACCOUNT_ID).toBe("111111111111");
    expect(env.ONBOARDING_LINK_SECRET).toBe(DEMO_ONBOARDING_LINK_SECRET);
    expect(env.TEMPLATE_URL).toBeUndefined();
    // The sandbox's S3 is http on loopback: the demo may point at it.
    expect(parseEnv({ DEMO: "true", TEMPLATE_URL: "http://127.0.0.1:4566/t/role.yaml" }).TEMPLATE_URL).toBe(
      "http://127.0.0.1:4566/t/role.yaml",
    );
  });

  it("defaults the public URL to this port, so the demo's printed URLs and configurations follow PORT", () => {
    expect(parseEnv({ DEMO: "true" }).PUBLIC_BASE_URL).toBe("http://localhost:8080");
    expect(parseEnv({ DEMO: "true", PORT: "9191" }).PUBLIC_BASE_URL).toBe("http://localhost:9191");
    expect(
      parseEnv({ DEMO: "true", PORT: "9191", PUBLIC_BASE_URL: "https://tagc.example" }).PUBLIC_BASE_URL,
    ).toBe("https://tagc.example");
  });

  it.each([
    ["PLATFORM_ACCOUNT_ID", "PLATFORM_ACCOUNT_ID: is required outside demo mode"],
    ["TEMPLATE_URL", `TEMPLATE_URL: ${TEMPLATE_URL_HINT}`],
    ["ONBOARDING_LINK_SECRET", "ONBOARDING_LINK_SECRET: is required outside demo mode"],
  ])("without %s the boot stops naming it", (name, message) => {
    expect(() => parseEnv(without(name))).toThrow(message);
  });

  it.each([
    ["PLATFORM_ACCOUNT_ID", "11111111111", "PLATFORM_ACCOUNT_ID: must be the 12-digit AWS account id"],
    ["PLATFORM_ACCOUNT_ID", "arn:aws:iam::111111111111:root", "PLATFORM_ACCOUNT_ID: must be the 12-digit"],
    ["SCANNER_ROLE_PATTERN", "tagc scanner", "SCANNER_ROLE_PATTERN: must be an IAM role name glob"],
    ["SCANNER_ROLE_PATTERN", "role/tagc-*", "SCANNER_ROLE_PATTERN: must be an IAM role name glob"],
    ["ONBOARDING_LINK_SECRET", "short", "ONBOARDING_LINK_SECRET: must be at least 32 characters"],
    ["TEMPLATE_URL", "not a url", "TEMPLATE_URL:"],
    // The server's own copy: http, and not S3, so CloudFormation would refuse it.
    [
      "TEMPLATE_URL",
      "https://tagc.example/v1/templates/tag-compliance-role.yaml",
      `TEMPLATE_URL: ${TEMPLATE_URL_HINT}`,
    ],
    [
      "TEMPLATE_URL",
      "http://tagc-templates.s3.us-east-1.amazonaws.com/role.yaml",
      `TEMPLATE_URL: ${TEMPLATE_URL_HINT}`,
    ],
    [
      "TEMPLATE_URL",
      "https://tagc-templates.s3-website-us-east-1.amazonaws.com/role.yaml",
      `TEMPLATE_URL: ${TEMPLATE_URL_HINT}`,
    ],
  ])("%s=%s stops the boot naming it", (name, value, message) => {
    expect(() => parseEnv({ ...OPERATOR_ENV, [name]: value })).toThrow(message);
  });

  it("accepts the three S3 URL forms CloudFormation reads", () => {
    for (const url of [
      "https://tagc-templates.s3.eu-west-1.amazonaws.com/v/role.yaml",
      "https://tagc-templates.s3.amazonaws.com/v/role.yaml",
      "https://s3.eu-west-1.amazonaws.com/tagc-templates/v/role.yaml",
    ]) {
      expect(parseEnv({ ...OPERATOR_ENV, TEMPLATE_URL: url }).TEMPLATE_URL).toBe(url);
    }
  });
});
