// AWS::IAM::Role: creates the role in the sandbox's IAM of the stack's account (the caller's), so
// STS then enforces its trust and the dispatcher its permissions, exactly as for a seeded role.
// Inline Policies are merged into the role's one permissions document; of the managed policies,
// only AdministratorAccess is known (any other grants nothing, erring towards denial).
import { randomBytes } from "node:crypto";
import { type PolicyDocument, type PolicyStatement, policyDocumentSchema } from "../../seed/schema";
import { isObject, type Json, type JsonObject } from "../types";
import { ResourceFailure, type ResourceHandler } from "./handler";

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ADMINISTRATOR = /^arn:aws[\w-]*:iam::aws:policy\/AdministratorAccess$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const suffix = (length: number) =>
  Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join("");

const handlerMessage = (message: string) => `Resource handler returned message: "${message}"`;

function policy(value: Json | undefined, where: string): PolicyDocument {
  let document: unknown = value;
  if (typeof value === "string") {
    try {
      document = JSON.parse(value);
    } catch {
      throw new ResourceFailure(handlerMessage(`Syntax errors in policy. (Service: Iam, Status Code: 400)`));
    }
  }
  const parsed = policyDocumentSchema.safeParse(document);
  if (!parsed.success) {
    throw new ResourceFailure(
      handlerMessage(`Syntax errors in policy. (${where}) (Service: Iam, Status Code: 400)`),
    );
  }
  return parsed.data;
}

// CloudFormation names an unnamed role StackName-LogicalId-RANDOM, trimming both to fit 64 characters.
const generatedName = (stackName: string, logicalId: string) =>
  `${stackName.slice(0, 25)}-${logicalId.slice(0, 25)}-${suffix(12)}`;

function inlineStatements(properties: JsonObject): PolicyStatement[] {
  const policies = properties.Policies ?? [];
  if (!Array.isArray(policies)) throw new ResourceFailure(handlerMessage("Policies must be a list"));
  return policies.flatMap((entry, i) => {
    if (!isObject(entry) || typeof entry.PolicyName !== "string") {
      throw new ResourceFailure(handlerMessage(`Policies[${i}] needs a PolicyName and a PolicyDocument`));
    }
    const statement = policy(entry.PolicyDocument, `Policies[${i}]`).Statement;
    return Array.isArray(statement) ? statement : [statement];
  });
}

export const iamRole: ResourceHandler = {
  create(ctx, logicalId, properties) {
    const name =
      typeof properties.RoleName === "string" ? properties.RoleName : generatedName(ctx.stackName, logicalId);
    if (!ROLE_NAME.test(name)) {
      throw new ResourceFailure(
        handlerMessage(
          `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
        ),
      );
    }
    const path = typeof properties.Path === "string" ? properties.Path : "/";
    if (!/^\/(?:[\x21-\x7e]*\/)?$/.test(path))
      throw new ResourceFailure(handlerMessage("The specified value for path is invalid."));
    const arn = `arn:aws:iam::${ctx.accountId}:role${path}${name}`;
    const trust = policy(properties.AssumeRolePolicyDocument, "AssumeRolePolicyDocument");
    const statements = inlineStatements(properties);
    const managed = Array.isArray(properties.ManagedPolicyArns)
      ? properties.ManagedPolicyArns.map(String)
      : [];
    const duration =
      properties.MaxSessionDuration === undefined ? 3600 : Number(properties.MaxSessionDuration);
    if (!Number.isInteger(duration) || duration < 3600 || duration > 43200) {
      throw new ResourceFailure(
        handlerMessage(
          `1 validation error detected: Value '${String(properties.MaxSessionDuration)}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200`,
        ),
      );
    }
    ctx.require("iam:CreateRole", arn);
    if (statements.length) ctx.require("iam:PutRolePolicy", arn);
    if (managed.length) ctx.require("iam:AttachRolePolicy", arn);
    if (Array.isArray(properties.Tags) && properties.Tags.length) ctx.require("iam:TagRole", arn);
    const account = ctx.world.ensureAccount(ctx.accountId);
    if (account.roles.has(name)) {
      throw new ResourceFailure(
        handlerMessage(`Resource of type 'AWS::IAM::Role' with identifier '${name}' already exists.`),
      );
    }
    const admin = managed.some((m) => ADMINISTRATOR.test(m));
    ctx.world.putRole(ctx.accountId, {
      name,
      trust_policy: trust,
      permissions_policy: {
        Version: "2012-10-17",
        Statement: [
          ...statements,
          ...(admin ? [{ Effect: "Allow" as const, Action: "*", Resource: "*" }] : []),
        ],
      },
      max_session_duration: duration,
    });
    return {
      logicalId,
      type: "AWS::IAM::Role",
      physicalId: name,
      attributes: { Arn: arn, RoleId: `AROA${suffix(17)}` },
    };
  },

  delete(ctx, resource) {
    const arn = resource.attributes.Arn ?? resource.physicalId;
    ctx.require("iam:DeleteRole", arn);
    // A role already deleted by hand is not an error: CloudFormation treats "not found" as deleted.
    ctx.world.accounts.get(ctx.accountId)?.roles.delete(resource.physicalId);
  },
};
