// STS: AssumeRole with the trust checks AWS applies, and GetCallerIdentity.
import { AwsError } from "../errors";
import { isTrusted } from "../iam/evaluate";
import type { OpContext, OperationTable } from "../protocol/operation";
import { intParam, requiredString, stringParam } from "../protocol/params";

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SOURCE_IDENTITY = /^[\w+=,.@-]{2,64}$/;

const validationError = (message: string) => new AwsError("ValidationError", message, 400);

function denied(ctx: OpContext, roleArn: string, action = "sts:AssumeRole") {
  return new AwsError(
    "AccessDenied",
    `User: ${ctx.identity.callerArn} is not authorized to perform: ${action} on resource: ${roleArn}`,
    403,
  );
}

function assumeRole(ctx: OpContext, input: Record<string, unknown>) {
  const roleArn = requiredString(input, "RoleArn", "ValidationError");
  const sessionName = requiredString(input, "RoleSessionName", "ValidationError");
  const externalId = stringParam(input, "ExternalId", "ValidationError");
  const sourceIdentity = stringParam(input, "SourceIdentity", "ValidationError");
  const duration =
    intParam(input, "DurationSeconds", { min: 1, max: 43200, code: "ValidationError" }) ?? 3600;

  if (!SESSION_NAME.test(sessionName)) {
    throw validationError(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
    throw validationError(
      "1 validation error detected: Value at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*",
    );
  }
  if (
    sourceIdentity !== undefined &&
    (!SOURCE_IDENTITY.test(sourceIdentity) || sourceIdentity.startsWith("aws:"))
  ) {
    throw validationError(
      "1 validation error detected: Value at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  }
  if (duration < 900) {
    throw validationError(
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
    );
  }
  const match = roleArn.match(ROLE_ARN);
  if (!match) throw validationError(`${roleArn} is invalid`);
  const [, accountId, roleName] = match as unknown as [string, string, string];

  // A missing role and an untrusted caller look the same to the caller, exactly as in AWS.
  const role = ctx.world.accounts.get(accountId)?.roles.get(roleName);
  const caller = { accountId: ctx.identity.accountId, principalArn: ctx.identity.principalArn };
  const context = {
    "sts:ExternalId": externalId,
    "sts:RoleSessionName": sessionName,
    "sts:SourceIdentity": sourceIdentity,
  };
  if (!role || !isTrusted(role.trust_policy, "sts:AssumeRole", caller, context)) throw denied(ctx, roleArn);
  if (
    sourceIdentity !== undefined &&
    !isTrusted(role.trust_policy, "sts:SetSourceIdentity", caller, context)
  ) {
    throw denied(ctx, roleArn, "sts:SetSourceIdentity");
  }
  if (ctx.identity.isRole && duration > 3600) {
    throw validationError(
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
  }
  if (duration > role.max_session_duration) {
    throw validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }

  const session = ctx.world.issueSession(accountId, roleName, sessionName, duration, sourceIdentity);
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secret,
      SessionToken: session.token,
      Expiration: new Date(session.expiresAt).toISOString(),
    },
    AssumedRoleUser: {
      AssumedRoleId: `${session.roleId}:${sessionName}`,
      Arn: session.identity.callerArn,
    },
    PackedPolicySize: 0,
    ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
  };
}

export const sts: OperationTable = {
  AssumeRole: {
    action: "sts:AssumeRole",
    skipPermissionCheck: true,
    handle: (ctx, input) => {
      const disabled =
        ctx.world.controlPlane.account_id === ctx.identity.accountId
          ? ctx.world.controlPlane.sts_disabled_regions
          : [];
      if (disabled.includes(ctx.region)) {
        throw new AwsError(
          "RegionDisabledException",
          `STS is not activated in this region for account:${ctx.identity.accountId}. Your account administrator can activate STS in this region using the IAM Console.`,
          403,
        );
      }
      return assumeRole(ctx, input);
    },
  },
  GetCallerIdentity: {
    action: "sts:GetCallerIdentity",
    // GetCallerIdentity needs no permission, even when an SCP denies everything.
    skipPermissionCheck: true,
    handle: (ctx) => ({
      UserId: ctx.identity.userId,
      Account: ctx.identity.accountId,
      Arn: ctx.identity.callerArn,
    }),
  },
};
