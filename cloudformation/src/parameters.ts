import { TemplateError, TemplateParameterError } from "./errors";
import type { CfnParameter } from "./types";

/**
 * Resolves parameter values the way CloudFormation does at stack creation: a missing value takes
 * the Default, and every value must satisfy AllowedPattern (matched against the whole value),
 * MinLength, MaxLength and AllowedValues. Rejecting here means the sandbox can never hold a
 * role that the real template would have refused to create.
 */
export function resolveParameters(
  declared: Record<string, CfnParameter>,
  given: Record<string, string | undefined>,
): Record<string, string> {
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new TemplateParameterError(name, "is not a parameter of the template");
  }
  const resolved: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(declared)) {
    if (parameter.Type !== "String") {
      throw new TemplateError(`${name}: parameter type ${parameter.Type} is not supported`);
    }
    const value = given[name] ?? parameter.Default;
    if (value === undefined) throw new TemplateParameterError(name, "is required");
    checkConstraints(name, parameter, value);
    resolved[name] = value;
  }
  return resolved;
}

// Messages state the rule, never the value: the value may be an External ID.
function checkConstraints(name: string, parameter: CfnParameter, value: string): void {
  if (parameter.MinLength !== undefined && value.length < parameter.MinLength) {
    throw new TemplateParameterError(name, `must be at least ${parameter.MinLength} characters`);
  }
  if (parameter.MaxLength !== undefined && value.length > parameter.MaxLength) {
    throw new TemplateParameterError(name, `must be at most ${parameter.MaxLength} characters`);
  }
  // CloudFormation matches AllowedPattern against the entire value, hence the anchors.
  if (
    parameter.AllowedPattern !== undefined &&
    !new RegExp(`^(?:${parameter.AllowedPattern})$`).test(value)
  ) {
    throw new TemplateParameterError(name, `must match ${parameter.AllowedPattern}`);
  }
  if (parameter.AllowedValues !== undefined && !parameter.AllowedValues.includes(value)) {
    throw new TemplateParameterError(name, `must be one of ${parameter.AllowedValues.join(", ")}`);
  }
}
