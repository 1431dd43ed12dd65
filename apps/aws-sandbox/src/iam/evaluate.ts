// A deliberately small IAM evaluator: enough of the real semantics for the roles the product deploys
// (Allow/Deny, Action globs, AWS principals, the condition operators used in trust policies).
// Anything it does not understand is treated as "does not match", so it errs towards denial.
import type { PolicyDocument, PolicyStatement } from "../seed/schema";
import { asList, globMatch } from "./match";

export type ConditionContext = Record<string, string | undefined>;

const operators: Record<string, (actual: string, expected: string) => boolean> = {
  StringEquals: (a, e) => a === e,
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringLike: (a, e) => globMatch(e, a),
  ArnEquals: (a, e) => a === e,
  ArnLike: (a, e) => globMatch(e, a),
};
const negated: Record<string, string> = {
  StringNotEquals: "StringEquals",
  StringNotLike: "StringLike",
  ArnNotLike: "ArnLike",
};

function conditionHolds(condition: PolicyStatement["Condition"], context: ConditionContext): boolean {
  for (const [operator, entries] of Object.entries(condition ?? {})) {
    for (const [rawKey, expected] of Object.entries(entries)) {
      // Condition keys are case-insensitive in IAM.
      const key = Object.keys(context).find((k) => k.toLowerCase() === rawKey.toLowerCase());
      const actual = key === undefined ? undefined : context[key];
      const values = asList(expected);
      if (operator === "Null") {
        if ((actual === undefined) !== (values[0] === "true")) return false;
        continue;
      }
      const positive = operators[operator] ?? operators[negated[operator] ?? ""];
      if (!positive) return false;
      if (operator in negated) {
        if (actual !== undefined && values.some((v) => positive(actual, v))) return false;
      } else if (actual === undefined || !values.some((v) => positive(actual, v))) {
        return false;
      }
    }
  }
  return true;
}

const statements = (doc: PolicyDocument): PolicyStatement[] =>
  Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];

const actionMatches = (statement: PolicyStatement, action: string) =>
  asList(statement.Action).some((pattern) => globMatch(pattern, action, true));

// Resource globs compare case-sensitively, as ARNs do. A statement without Resource matches
// nothing in IAM; operations that name no resource (most List/Describe calls) match any statement.
const resourceMatches = (statement: PolicyStatement, resource: string | undefined) =>
  resource === undefined || asList(statement.Resource).some((pattern) => globMatch(pattern, resource));

/** Identity-policy check: may a session of this role (or a long-lived caller) call `action`? */
export function isActionAllowed(
  doc: PolicyDocument,
  action: string,
  context: ConditionContext = {},
  resource?: string,
): boolean {
  let allowed = false;
  for (const statement of statements(doc)) {
    if (!actionMatches(statement, action) || !resourceMatches(statement, resource)) continue;
    if (!conditionHolds(statement.Condition, context)) continue;
    if (statement.Effect === "Deny") return false;
    allowed = true;
  }
  return allowed;
}

export interface Caller {
  accountId: string;
  /** The IAM ARN of the caller (the role ARN for an assumed-role session). */
  principalArn: string;
}

function principalMatches(statement: PolicyStatement, caller: Caller): boolean {
  const principal = statement.Principal;
  if (principal === "*") return true;
  return asList(principal?.AWS).some(
    (entry) =>
      entry === "*" ||
      entry === caller.accountId ||
      entry === `arn:aws:iam::${caller.accountId}:root` ||
      entry === caller.principalArn,
  );
}

/** Resource-policy check (a role's trust policy): may `caller` perform `action` on the role? */
export function isTrusted(
  doc: PolicyDocument,
  action: string,
  caller: Caller,
  context: ConditionContext,
): boolean {
  const fullContext: ConditionContext = {
    "aws:PrincipalArn": caller.principalArn,
    "aws:PrincipalAccount": caller.accountId,
    ...context,
  };
  let allowed = false;
  for (const statement of statements(doc)) {
    if (!actionMatches(statement, action) || !principalMatches(statement, caller)) continue;
    if (!conditionHolds(statement.Condition, fullContext)) continue;
    if (statement.Effect === "Deny") return false;
    allowed = true;
  }
  return allowed;
}
