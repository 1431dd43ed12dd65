// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub strings contain ${...} on purpose; they are CloudFormation text, not JS templates.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, type Scalar } from "yaml";
import {
  type CfnTemplate,
  type JsonObject,
  loadTemplate,
  parseTemplateDocument,
  SCANNER_ACTIONS,
  TEMPLATE_VERSION,
  templatePath,
} from "../src/index";

const template: CfnTemplate = loadTemplate();
const role = template.Resources.TagComplianceRole;
const properties = role?.Properties as JsonObject;

function inlineStatements(): JsonObject[] {
  const policies = properties.Policies as JsonObject[];
  const document = policies[0]?.PolicyDocument as JsonObject;
  return document.Statement as JsonObject[];
}

function trustStatements(): JsonObject[] {
  return (properties.AssumeRolePolicyDocument as JsonObject).Statement as JsonObject[];
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

describe("the customer role template", () => {
  it("declares the template version in Metadata, the output and the code, identically", () => {
    expect(template.Metadata?.TemplateVersion).toBe(TEMPLATE_VERSION);
    expect(template.Outputs?.TemplateVersion?.Value).toBe(TEMPLATE_VERSION);
    expect(TEMPLATE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it("takes exactly ExternalId and RoleName, with the spec's constraints", () => {
    expect(template.Parameters).toEqual({
      ExternalId: expect.objectContaining({
        Type: "String",
        AllowedPattern: "[a-zA-Z0-9]+",
        MinLength: 32,
        MaxLength: 128,
      }),
      RoleName: expect.objectContaining({
        Type: "String",
        Default: "TagComplianceReadOnly",
        AllowedPattern: "[\\w+=,.@-]{1,64}",
      }),
    });
    // The External ID must not have a default: a template that works without one would let a
    // customer deploy a role any caller in our account could assume.
    expect(template.Parameters?.ExternalId?.Default).toBeUndefined();
    expect(template.Parameters?.ExternalId?.Description).toMatch(/External ID/);
  });

  it("keeps the control-plane account and scanner pattern in Mappings, not parameters", () => {
    expect(template.Mappings).toEqual({
      ControlPlane: {
        Account: { Id: "__PLATFORM_ACCOUNT_ID__", ScannerRoleNamePattern: "__SCANNER_ROLE_PATTERN__" },
      },
    });
  });

  it("creates one role named by the parameter, with one-hour sessions and outputs its ARN", () => {
    expect(Object.values(template.Resources).map((resource) => resource.Type)).toEqual(["AWS::IAM::Role"]);
    expect(properties.RoleName).toEqual({ Ref: "RoleName" });
    expect(properties.MaxSessionDuration).toBe(3600);
    expect(template.Outputs?.RoleArn?.Value).toEqual({ "Fn::GetAtt": ["TagComplianceRole", "Arn"] });
    expect(Object.keys(template.Outputs ?? {}).sort()).toEqual(["RoleArn", "TemplateVersion"]);
  });

  it("attaches no managed policy, boundary or second inline policy", () => {
    expect(Object.keys(properties).sort()).toEqual([
      "AssumeRolePolicyDocument",
      "Description",
      "MaxSessionDuration",
      "Policies",
      "RoleName",
    ]);
    expect(properties.Policies).toHaveLength(1);
  });

  // apigateway:GET covers every API Gateway read (API keys included), so it alone is scoped to the
  // path the scanner reads.
  const SCOPED: Record<string, unknown> = {
    FindUntaggedRestApis: { "Fn::Sub": "arn:${AWS::Partition}:apigateway:*::/restapis" },
  };

  it("grants exactly SCANNER_ACTIONS, each once, on Allow statements with Resource * (or scoped where IAM allows)", () => {
    const granted = inlineStatements().flatMap((statement) => {
      expect(statement.Effect).toBe("Allow");
      expect(statement.Resource).toEqual(SCOPED[String(statement.Sid)] ?? "*");
      expect(Object.keys(statement).sort()).toEqual(["Action", "Effect", "Resource", "Sid"]);
      return asList(statement.Action);
    });
    const expected = SCANNER_ACTIONS.map((entry) => entry.action);
    expect(granted).toHaveLength(expected.length);
    expect(new Set(granted)).toEqual(new Set(expected));
  });

  it("grants no wildcard action and no sts:GetCallerIdentity (it needs no permission)", () => {
    const granted = inlineStatements().flatMap((statement) => asList(statement.Action));
    for (const action of granted) expect(action).not.toMatch(/\*/);
    expect(granted).not.toContain("sts:GetCallerIdentity");
  });

  it("lists 96 distinct scanner actions, each with a non-empty reason", () => {
    expect(SCANNER_ACTIONS).toHaveLength(96);
    expect(new Set(SCANNER_ACTIONS.map((entry) => entry.action)).size).toBe(96);
    for (const entry of SCANNER_ACTIONS) expect(entry.reason.length).toBeGreaterThan(10);
  });

  // IAM caps the aggregate of a role's inline policies at 10,240 characters, whitespace not counted
  // (IAM User Guide, "IAM and AWS STS quotas"); past it CreateRole fails and the stack rolls back.
  // Every lister adds actions here, so the headroom is pinned rather than discovered at deploy time.
  it("keeps the role's inline policies under IAM's 10,240-character aggregate quota", () => {
    const policies = properties.Policies as JsonObject[];
    const size = policies
      .map((policy) => JSON.stringify(policy.PolicyDocument).replace(/\s/g, "").length)
      .reduce((a, b) => a + b, 0);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThanOrEqual(10_240);
  });

  it("explains every granted action with a YAML comment equal to its SCANNER_ACTIONS reason", () => {
    const doc = parseTemplateDocument(readFileSync(templatePath, "utf8"));
    const statements = doc.getIn(
      ["Resources", "TagComplianceRole", "Properties", "Policies", 0, "PolicyDocument", "Statement"],
      true,
    );
    if (!isSeq(statements)) throw new Error("inline policy statements not found");
    const comments = new Map<unknown, string | null | undefined>();
    for (const statement of statements.items) {
      const actions = isMap(statement) ? statement.get("Action", true) : undefined;
      if (!isSeq(actions)) throw new Error("every statement lists its actions as a YAML sequence");
      for (const item of actions.items as Scalar[]) {
        expect(isScalar(item)).toBe(true);
        comments.set(item.value, item.comment);
      }
    }
    for (const { action, reason } of SCANNER_ACTIONS) {
      expect(comments.get(action)?.trim(), action).toBe(reason);
    }
  });

  it("documents every granted action, with the same reason, in PERMISSIONS.md", () => {
    const doc = readFileSync(new URL("../PERMISSIONS.md", import.meta.url), "utf8");
    // Cell padding is the markdown formatter's business, so it is ignored.
    // Service prefixes may hold hyphens (cognito-idp).
    const rows = [...doc.matchAll(/^\|\s*`([a-z0-9-]+:[A-Za-z0-9]+)`\s*\|\s*(.+?)\s*\|$/gm)];
    expect(rows.map((row) => [row[1], row[2]])).toEqual(
      SCANNER_ACTIONS.map(({ action, reason }) => [action, reason]),
    );
  });

  it("trusts only the control-plane account root, for sts:AssumeRole and sts:SetSourceIdentity", () => {
    const statements = trustStatements();
    const principal = {
      "Fn::Sub": [
        "arn:${AWS::Partition}:iam::${ControlPlaneAccountId}:root",
        { ControlPlaneAccountId: { "Fn::FindInMap": ["ControlPlane", "Account", "Id"] } },
      ],
    };
    expect(statements.map((statement) => statement.Action)).toEqual([
      "sts:AssumeRole",
      "sts:SetSourceIdentity",
    ]);
    for (const statement of statements) {
      expect(statement.Effect).toBe("Allow");
      expect(statement.Principal).toEqual({ AWS: principal });
    }
  });

  it("requires the External ID and the scanner role pattern for sts:AssumeRole", () => {
    const [assume, setSourceIdentity] = trustStatements();
    const scannerPattern = {
      "Fn::Sub": [
        "arn:${AWS::Partition}:iam::${ControlPlaneAccountId}:role/${ScannerRoleNamePattern}",
        {
          ControlPlaneAccountId: { "Fn::FindInMap": ["ControlPlane", "Account", "Id"] },
          ScannerRoleNamePattern: { "Fn::FindInMap": ["ControlPlane", "Account", "ScannerRoleNamePattern"] },
        },
      ],
    };
    expect(assume?.Condition).toEqual({
      StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } },
      ArnLike: { "aws:PrincipalArn": scannerPattern },
    });
    // sts:SetSourceIdentity is given no sts:ExternalId key by STS, so its statement carries only
    // the principal pattern; the External ID is enforced by the AssumeRole statement above.
    expect(setSourceIdentity?.Condition).toEqual({ ArnLike: { "aws:PrincipalArn": scannerPattern } });
  });
});
