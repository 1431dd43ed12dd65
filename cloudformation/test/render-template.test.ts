import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type Operator,
  PLACEHOLDERS,
  parseTemplate,
  renderRole,
  renderTemplate,
  renderTemplates,
  TEMPLATE_VERSION,
  TemplateParameterError,
  templatePath,
} from "../src/index";

const ACME: Operator = { platformAccountId: "123456789012", scannerRolePattern: "tagc-scanner-*" };
const GLOBEX: Operator = { platformAccountId: "210987654321", scannerRolePattern: "globex-audit-*" };
const EXTERNAL_ID = "q7Vx2LmN9pR4sT6uW8yZ1aB3cD5eF7gH";

describe("renderTemplate", () => {
  it.each([
    ["acme", ACME],
    ["globex", GLOBEX],
  ])(
    "renders the role trust for %s's account and pattern, and no placeholder survives",
    (_name, operator) => {
      const body = renderTemplate("role", operator);
      for (const placeholder of Object.values(PLACEHOLDERS)) expect(body).not.toContain(placeholder);
      const template = parseTemplate(body);
      expect(template.Mappings?.ControlPlane?.Account).toEqual({
        Id: operator.platformAccountId,
        ScannerRoleNamePattern: operator.scannerRolePattern,
      });
      // Evaluated the way CloudFormation would, so the check is on the trust IAM receives.
      const { trustPolicy } = renderRole({ externalId: EXTERNAL_ID, template });
      for (const statement of trustPolicy.Statement) {
        expect(statement.Principal).toEqual({ AWS: `arn:aws:iam::${operator.platformAccountId}:root` });
        expect(statement.Condition?.ArnLike).toEqual({
          "aws:PrincipalArn": `arn:aws:iam::${operator.platformAccountId}:role/${operator.scannerRolePattern}`,
        });
      }
      const other = operator === ACME ? GLOBEX : ACME;
      expect(body).not.toContain(other.platformAccountId);
    },
  );

  it("changes nothing but the placeholders, so comments and layout reach the customer intact", () => {
    const raw = readFileSync(templatePath, "utf8");
    const body = renderTemplate("role", ACME);
    expect(body.split("\n").length).toBe(raw.split("\n").length);
    expect(body.replaceAll(ACME.platformAccountId, PLACEHOLDERS.platformAccountId)).toBe(
      raw.replaceAll(PLACEHOLDERS.scannerRolePattern, ACME.scannerRolePattern),
    );
  });

  it("renders the StackSet's trusted-roles mapping for the operator", () => {
    const template = parseTemplate(renderTemplate("stackset", GLOBEX));
    expect(template.Mappings?.ControlPlane?.Account).toEqual({
      Id: "210987654321",
      ScannerRoleNamePattern: "globex-audit-*",
    });
  });

  it("checks the values before substituting, so no replacement pattern reaches the text", () => {
    expect(() => renderTemplate("role", { ...ACME, scannerRolePattern: "$&" })).toThrow(
      TemplateParameterError,
    );
  });

  it.each<[string, Partial<Operator>, string]>([
    ["an 11-digit account", { platformAccountId: "12345678901" }, "platformAccountId"],
    ["a 13-digit account", { platformAccountId: "1234567890123" }, "platformAccountId"],
    [
      "the placeholder as account",
      { platformAccountId: PLACEHOLDERS.platformAccountId },
      "platformAccountId",
    ],
    ["an account with a newline", { platformAccountId: "123456789012\n" }, "platformAccountId"],
    ["a pattern with a slash", { scannerRolePattern: "a/b*" }, "scannerRolePattern"],
    ["a pattern with YAML syntax", { scannerRolePattern: '"x"\nId: 1' }, "scannerRolePattern"],
    ["an empty pattern", { scannerRolePattern: "" }, "scannerRolePattern"],
  ])("refuses %s, naming the field", (_label, change, field) => {
    try {
      renderTemplate("role", { ...ACME, ...change });
      expect.unreachable("the value must be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateParameterError);
      expect(error).toHaveProperty("parameter", field);
    }
  });
});

describe("renderTemplates", () => {
  it("renders the role and the StackSet under versioned keys", () => {
    const rendered = renderTemplates(ACME);
    expect(rendered.map(({ kind, key }) => ({ kind, key }))).toEqual([
      { kind: "role", key: `tag-compliance-role-${TEMPLATE_VERSION}.yaml` },
      { kind: "stackset", key: `tag-compliance-stackset-${TEMPLATE_VERSION}.yaml` },
    ]);
    for (const { body, kind } of rendered) expect(body).toBe(renderTemplate(kind, ACME));
  });
});

describe("the unrendered repository template", () => {
  it("cannot name a real account: its trust principal is not a 12-digit account ARN", () => {
    const raw = parseTemplate(readFileSync(templatePath, "utf8"));
    expect(raw.Mappings?.ControlPlane?.Account?.Id).toBe(PLACEHOLDERS.platformAccountId);
    expect(PLACEHOLDERS.platformAccountId).not.toMatch(/^\d{12}$/);
  });
});
