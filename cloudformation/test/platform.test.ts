// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub strings contain ${...} on purpose; they are CloudFormation text, not JS templates.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Json, loadTemplate } from "../src/index";
import { isJsonObject } from "../src/types";

const platform = loadTemplate(fileURLToPath(new URL("../platform/platform.yaml", import.meta.url)));
const properties = (name: string) => platform.Resources[name]?.Properties ?? {};
const at = (value: Json | undefined, ...path: (string | number)[]): Json | undefined =>
  path.reduce<Json | undefined>(
    (node, step) =>
      Array.isArray(node) && typeof step === "number"
        ? node[step]
        : isJsonObject(node)
          ? node[step]
          : undefined,
    value,
  );

describe("the platform reference stack", () => {
  it("names the scanner role to match tagc-scanner-* and lets it only assume customer roles", () => {
    const scanner = properties("ScannerTaskRole");
    expect(scanner.RoleName).toEqual({ "Fn::Sub": "tagc-scanner-${Env}" });
    expect(scanner.ManagedPolicyArns).toBeUndefined();
    expect(at(scanner.Policies, 0, "PolicyDocument", "Statement")).toEqual([
      {
        Effect: "Allow",
        Action: ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"],
        Resource: { "Fn::Sub": "arn:${AWS::Partition}:iam::*:role/TagComplianceReadOnly*" },
      },
    ]);
  });

  it("keeps the database encrypted, private, with an RDS-managed password", () => {
    expect(properties("Database")).toMatchObject({
      StorageEncrypted: true,
      PubliclyAccessible: false,
      ManageMasterUserPassword: true,
    });
    expect(properties("Database").MasterUserPassword).toBeUndefined();
    expect(properties("Redis")).toMatchObject({
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
    });
  });

  it("makes only templates/* public in the versioned bucket, with ACLs blocked", () => {
    expect(properties("TemplateBucket")).toMatchObject({
      VersioningConfiguration: { Status: "Enabled" },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true },
    });
    const [publicRead] = [at(properties("TemplateBucketPolicy").PolicyDocument, "Statement", 0)];
    expect(publicRead).toMatchObject({
      Effect: "Allow",
      Principal: "*",
      Action: "s3:GetObject",
      Resource: { "Fn::Sub": "${TemplateBucket.Arn}/templates/*" },
    });
  });

  it("serves HTTPS on the certificate parameter and redirects HTTP", () => {
    expect(properties("HttpsListener")).toMatchObject({
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: { Ref: "AcmCertificateArn" } }],
    });
    expect(at(properties("HttpRedirectListener").DefaultActions, 0, "RedirectConfig", "Protocol")).toBe(
      "HTTPS",
    );
  });

  it("runs api+mcp and the worker from one image with the operator identity the templates trust", () => {
    const env = (task: string) =>
      Object.fromEntries(
        [at(properties(task).ContainerDefinitions, 0, "Environment")]
          .flat()
          .filter(isJsonObject)
          .map((entry) => [String(entry.Name), entry.Value]),
      );
    expect(env("ApiTaskDefinition")).toMatchObject({
      PROCESS_ROLES: "api,mcp",
      PLATFORM_ACCOUNT_ID: { Ref: "AWS::AccountId" },
      SCANNER_ROLE_PATTERN: "tagc-scanner-*",
    });
    expect(env("WorkerTaskDefinition")).toMatchObject({ PROCESS_ROLES: "worker" });
    for (const task of ["ApiTaskDefinition", "WorkerTaskDefinition"]) {
      expect(at(properties(task).ContainerDefinitions, 0, "Image")).toEqual({ Ref: "ImageUri" });
      expect(properties(task).TaskRoleArn).toEqual({ "Fn::GetAtt": ["ScannerTaskRole", "Arn"] });
    }
  });

  it("hands every task the secrets the server requires outside demo mode, readable by the execution role", () => {
    const names = (task: string) =>
      [at(properties(task).ContainerDefinitions, 0, "Secrets")]
        .flat()
        .filter(isJsonObject)
        .map((entry) => String(entry.Name));
    for (const task of ["ApiTaskDefinition", "WorkerTaskDefinition"]) {
      expect(names(task)).toEqual(
        expect.arrayContaining([
          "DATABASE_URL",
          "REDIS_URL",
          "ADMIN_JWT_SECRET",
          "ADMIN_BOOTSTRAP_TOKEN_SHA256",
          "ONBOARDING_LINK_SECRET",
        ]),
      );
    }
    expect(JSON.stringify(properties("TaskExecutionRole").Policies)).toContain(
      '"Ref":"OnboardingLinkSecret"',
    );
  });

  it("starts no task before TemplateUrl is set, since the server refuses to boot without it", () => {
    expect(properties("ApiService").DesiredCount).toEqual({
      "Fn::If": ["HasTemplateUrl", { Ref: "ApiDesiredCount" }, 0],
    });
    expect(properties("WorkerService").DesiredCount).toEqual({ "Fn::If": ["HasTemplateUrl", 1, 0] });
  });
});
