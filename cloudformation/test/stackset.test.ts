// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub strings contain ${...} on purpose; they are CloudFormation text, not JS templates.
import { describe, expect, it } from "vitest";
import { type JsonObject, loadTemplate, stackSetTemplatePath, TEMPLATE_VERSION } from "../src/index";

const stackSet = loadTemplate(stackSetTemplatePath);
const role = loadTemplate();
const resource = stackSet.Resources.TagComplianceRoleStackSet;
const properties = resource?.Properties as JsonObject;

describe("the organization-wide StackSet template", () => {
  it("carries the same template version as the role template", () => {
    expect(stackSet.Metadata?.TemplateVersion).toBe(TEMPLATE_VERSION);
    expect(stackSet.Outputs?.TemplateVersion?.Value).toBe(TEMPLATE_VERSION);
  });

  // Identical constraints mean a value the StackSet accepts is never rejected later, account by
  // account, by the member stacks.
  it("declares ExternalId and RoleName exactly as the role template does", () => {
    expect(stackSet.Parameters?.ExternalId).toEqual(role.Parameters?.ExternalId);
    expect(stackSet.Parameters?.RoleName).toEqual(role.Parameters?.RoleName);
  });

  it("passes every role-template parameter through to the member stacks, unchanged", () => {
    const passed = properties.Parameters as JsonObject[];
    expect(passed).toEqual(
      Object.keys(role.Parameters ?? {}).map((name) => ({
        ParameterKey: name,
        ParameterValue: { Ref: name },
      })),
    );
  });

  it("is a service-managed StackSet with auto-deployment, able to create a named role", () => {
    expect(resource?.Type).toBe("AWS::CloudFormation::StackSet");
    expect(properties.PermissionModel).toBe("SERVICE_MANAGED");
    expect(properties.AutoDeployment).toEqual({ Enabled: true, RetainStacksOnAccountRemoval: false });
    expect(properties.Capabilities).toEqual(["CAPABILITY_NAMED_IAM"]);
  });

  it("deploys the published role template by URL, to OUs, in one region (IAM is global)", () => {
    expect(properties.TemplateURL).toEqual({ Ref: "RoleTemplateURL" });
    expect(properties.TemplateBody).toBeUndefined();
    expect(properties.StackInstancesGroup).toEqual([
      {
        DeploymentTargets: { OrganizationalUnitIds: { Ref: "OrganizationalUnitIds" } },
        Regions: [{ Ref: "AWS::Region" }],
      },
    ]);
  });

  it("holds the role template's operator placeholders and shows the trusted scanner roles", () => {
    expect(stackSet.Mappings).toEqual(role.Mappings);
    expect(stackSet.Outputs?.TrustedScannerRoles?.Value).toEqual({
      "Fn::Sub": [
        "arn:${AWS::Partition}:iam::${ControlPlaneAccountId}:role/${ScannerRoleNamePattern}",
        {
          ControlPlaneAccountId: { "Fn::FindInMap": ["ControlPlane", "Account", "Id"] },
          ScannerRoleNamePattern: { "Fn::FindInMap": ["ControlPlane", "Account", "ScannerRoleNamePattern"] },
        },
      ],
    });
  });

  it("accepts only organization root and OU ids as deployment targets", () => {
    const pattern = new RegExp(`^(?:${stackSet.Parameters?.OrganizationalUnitIds?.AllowedPattern})$`);
    expect(pattern.test("r-ab12")).toBe(true);
    expect(pattern.test("ou-ab12-abcdefgh")).toBe(true);
    expect(pattern.test("123456789012")).toBe(false);
    expect(pattern.test("ou-ab12")).toBe(false);
  });
});
