// Parameter values as CloudFormation resolves them at CreateStack: a missing value takes the
// Default, and every value must satisfy the declared constraints. Messages follow CloudFormation's
// wording ("Parameters: [X] must have values", "Parameter 'X' must match pattern P"); with a
// ConstraintDescription, that text replaces the rule, as the CloudFormation docs describe.
import { AwsError } from "../errors";
import type { Json, ParameterDecl, Template } from "./types";

export interface ResolvedParameter {
  key: string;
  value: string;
  noEcho: boolean;
}

const invalid = (message: string) => new AwsError("ValidationError", message, 400);

const text = (value: Json | undefined): string | undefined =>
  value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(",") : String(value);

const number = (value: Json | undefined): number | undefined => {
  const raw = text(value);
  return raw === undefined ? undefined : Number(raw);
};

function violation(name: string, decl: ParameterDecl, value: string): string | undefined {
  if (decl.Type === "Number" || decl.Type === "List<Number>") {
    for (const item of decl.Type === "Number" ? [value] : value.split(",")) {
      const n = Number(item.trim());
      if (item.trim() === "" || !Number.isFinite(n)) return `Parameter '${name}' must be a number`;
      const min = number(decl.MinValue);
      const max = number(decl.MaxValue);
      if (min !== undefined && n < min) return `Parameter '${name}' must be a number not less than ${min}`;
      if (max !== undefined && n > max) return `Parameter '${name}' must be a number not greater than ${max}`;
    }
  }
  const minLength = number(decl.MinLength);
  const maxLength = number(decl.MaxLength);
  if (minLength !== undefined && value.length < minLength) {
    return `Parameter '${name}' must contain at least ${minLength} characters`;
  }
  if (maxLength !== undefined && value.length > maxLength) {
    return `Parameter '${name}' must contain at most ${maxLength} characters`;
  }
  // AllowedPattern must match the entire value (each member of a list), hence the anchors.
  if (decl.AllowedPattern !== undefined) {
    const pattern = new RegExp(`^(?:${decl.AllowedPattern})$`, "u");
    const members = decl.Type === "CommaDelimitedList" ? value.split(",") : [value];
    if (!members.every((member) => pattern.test(member))) {
      return `Parameter '${name}' must match pattern ${decl.AllowedPattern}`;
    }
  }
  if (decl.AllowedValues && !decl.AllowedValues.map(text).includes(value)) {
    return `Parameter '${name}' must be one of AllowedValues`;
  }
  return undefined;
}

export function resolveParameters(template: Template, given: Map<string, string>): ResolvedParameter[] {
  const declared = template.Parameters;
  const unknown = [...given.keys()].filter((key) => !Object.hasOwn(declared, key));
  if (unknown.length) {
    throw invalid(
      Object.keys(declared).length === 0
        ? "Parameter values specified for a template which does not require them."
        : `Parameters: [${unknown.join(", ")}] do not exist in the template`,
    );
  }
  const missing = Object.keys(declared).filter(
    (key) => given.get(key) === undefined && text(declared[key]?.Default) === undefined,
  );
  if (missing.length) throw invalid(`Parameters: [${missing.join(", ")}] must have values`);

  return Object.entries(declared).map(([key, decl]) => {
    const value = given.get(key) ?? text(decl.Default) ?? "";
    const broken = violation(key, decl, value);
    if (broken) {
      throw invalid(
        decl.ConstraintDescription
          ? `Parameter '${key}' failed to satisfy constraint: ${decl.ConstraintDescription}`
          : broken,
      );
    }
    return { key, value, noEcho: decl.NoEcho === true || decl.NoEcho === "true" };
  });
}
