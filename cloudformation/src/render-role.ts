import { TemplateError, TemplateParameterError } from "./errors";
import { evaluate } from "./intrinsics";
import { loadTemplate } from "./load-template";
import { checkOperator, DEFAULT_SCANNER_ROLE_PATTERN } from "./operator";
import { resolveParameters } from "./parameters";
import { PLACEHOLDERS } from "./render-template";
import { type CfnTemplate, isJsonObject, type Json, type PolicyDocument } from "./types";

export type Partition = "aws" | "aws-cn" | "aws-us-gov";

export interface RenderRoleOptions {
  externalId: string;
  /** Defaults to the template's RoleName default, as CloudFormation would. */
  roleName?: string;
  partition?: Partition;
  /**
   * The operator's account the trust names (Mappings.ControlPlane.Account.Id). Required unless
   * the template given was already rendered for an operator.
   */
  platformAccountId?: string;
  /** The earlier name of platformAccountId, kept so existing callers keep working. */
  controlPlaneAccountId?: string;
  /** The scanner role-name pattern in aws:PrincipalArn; tagc-scanner-* when the template has none. */
  scannerRolePattern?: string;
  /** The customer account, for AWS::AccountId; only needed if the template references it. */
  accountId?: string;
  /** The parsed role template; read from disk when omitted. */
  template?: CfnTemplate;
}

export interface RenderedRole {
  roleName: string;
  description: string | undefined;
  trustPolicy: PolicyDocument;
  permissionsPolicyName: string;
  permissionsPolicy: PolicyDocument;
  maxSessionDuration: number;
  templateVersion: string;
}

const URL_SUFFIX: Record<Partition, string> = {
  aws: "amazonaws.com",
  "aws-cn": "amazonaws.com.cn",
  "aws-us-gov": "amazonaws.com",
};

// Role properties renderRole reproduces. Anything else (ManagedPolicyArns, PermissionsBoundary,
// Path...) would change what the role can do or its ARN, so meeting one throws instead of being
// silently dropped from the sandbox's copy of the role.
const UNDERSTOOD_PROPERTIES = new Set([
  "RoleName",
  "Description",
  "MaxSessionDuration",
  "AssumeRolePolicyDocument",
  "Policies",
]);

/**
 * Produces the IAM role the customer template creates, as plain policy documents, by evaluating
 * the template itself (not a copy of its policies). The local AWS sandbox creates customer roles
 * from this, so what is tested there is what customers deploy.
 */
export function renderRole(options: RenderRoleOptions): RenderedRole {
  const template = options.template ?? loadTemplate();
  const partition = options.partition ?? "aws";
  const parameters = resolveParameters(template.Parameters ?? {}, {
    ExternalId: options.externalId,
    RoleName: options.roleName,
  });
  const pseudo: Record<string, string> = {
    "AWS::Partition": partition,
    "AWS::URLSuffix": URL_SUFFIX[partition],
  };
  if (options.accountId !== undefined)
    pseudo["AWS::AccountId"] = checkAccountId("accountId", options.accountId);
  const mappings = withOperator(template, options);

  const properties = roleProperties(template);
  const role = evaluate(properties, { parameters, pseudo, mappings });
  if (!isJsonObject(role)) throw new TemplateError("role properties did not evaluate to an object");

  const [policy, ...extra] = Array.isArray(role.Policies) ? role.Policies : [];
  if (!isJsonObject(policy) || extra.length > 0 || typeof policy.PolicyName !== "string") {
    throw new TemplateError("the role must carry exactly one inline policy");
  }
  const { RoleName, Description, MaxSessionDuration } = role;
  if (typeof RoleName !== "string" || typeof MaxSessionDuration !== "number") {
    throw new TemplateError("the role must set RoleName and MaxSessionDuration");
  }
  const templateVersion = template.Metadata?.TemplateVersion;
  if (typeof templateVersion !== "string") throw new TemplateError("Metadata.TemplateVersion is missing");

  return {
    roleName: RoleName,
    description: typeof Description === "string" ? Description : undefined,
    trustPolicy: toPolicyDocument(role.AssumeRolePolicyDocument, "AssumeRolePolicyDocument"),
    permissionsPolicyName: policy.PolicyName,
    permissionsPolicy: toPolicyDocument(policy.PolicyDocument, "PolicyDocument"),
    maxSessionDuration: MaxSessionDuration,
    templateVersion,
  };
}

function roleProperties(template: CfnTemplate): Json {
  const roles = Object.values(template.Resources).filter((resource) => resource.Type === "AWS::IAM::Role");
  const [role, ...others] = roles;
  if (role === undefined || others.length > 0) throw new TemplateError("expected exactly one AWS::IAM::Role");
  const properties = role.Properties ?? {};
  const unknown = Object.keys(properties).filter((key) => !UNDERSTOOD_PROPERTIES.has(key));
  if (unknown.length > 0) throw new TemplateError(`role properties not reproduced: ${unknown.join(", ")}`);
  return properties;
}

// The repository template holds placeholders; a rendered one holds an operator's values. Either
// way the trust must end up naming a real account, so a placeholder left in place is an error
// (the role would trust nobody, and in AWS the stack would fail on an invalid principal).
function withOperator(
  template: CfnTemplate,
  options: RenderRoleOptions,
): NonNullable<CfnTemplate["Mappings"]> {
  const mappings = structuredClone(template.Mappings ?? {});
  const account = mappings.ControlPlane?.Account;
  if (account === undefined) throw new TemplateError("Mappings.ControlPlane.Account is missing");
  const platformAccountId = options.platformAccountId ?? options.controlPlaneAccountId ?? account.Id;
  if (platformAccountId === PLACEHOLDERS.platformAccountId) {
    throw new TemplateParameterError(
      "platformAccountId",
      "is required: the template still holds its placeholder",
    );
  }
  const pattern = options.scannerRolePattern ?? account.ScannerRoleNamePattern;
  const scannerRolePattern =
    pattern === PLACEHOLDERS.scannerRolePattern || pattern === undefined
      ? DEFAULT_SCANNER_ROLE_PATTERN
      : pattern;
  if (typeof platformAccountId !== "string" || typeof scannerRolePattern !== "string") {
    throw new TemplateError("Mappings.ControlPlane.Account must hold strings");
  }
  checkOperator({ platformAccountId, scannerRolePattern });
  account.Id = platformAccountId;
  account.ScannerRoleNamePattern = scannerRolePattern;
  return mappings;
}

function checkAccountId(name: string, value: string): string {
  if (!/^\d{12}$/.test(value)) throw new TemplateParameterError(name, "must be a 12-digit AWS account id");
  return value;
}

function toPolicyDocument(value: Json | undefined, where: string): PolicyDocument {
  if (!isPolicyDocument(value)) {
    throw new TemplateError(
      `${where}: expected Version 2012-10-17 and a Statement list of Effect and Action`,
    );
  }
  return value;
}

// The values are the template's own, evaluated; this checks the shape IAM needs before handing
// them on as a policy document.
function isPolicyDocument(value: Json | undefined): value is Json & PolicyDocument {
  if (!isJsonObject(value) || value.Version !== "2012-10-17") return false;
  const statements = value.Statement;
  if (!Array.isArray(statements) || statements.length === 0) return false;
  return statements.every(
    (statement) =>
      isJsonObject(statement) &&
      (statement.Effect === "Allow" || statement.Effect === "Deny") &&
      (typeof statement.Action === "string" || Array.isArray(statement.Action)),
  );
}
