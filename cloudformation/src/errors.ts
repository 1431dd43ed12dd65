/** A template that cannot be parsed, or uses something this package cannot evaluate. */
export class TemplateError extends Error {
  readonly code = "INVALID_TEMPLATE";
  override name = "TemplateError";
}

/**
 * A parameter value the template's own constraints reject — the same value CloudFormation would
 * refuse at stack creation. The message names the parameter and the broken rule but never
 * echoes the value, because the value may be an External ID, which must stay out of logs.
 */
export class TemplateParameterError extends Error {
  readonly code = "INVALID_TEMPLATE_PARAMETER";
  override name = "TemplateParameterError";

  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}
