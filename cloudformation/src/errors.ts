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

/**
 * Publishing would break a published version: the object under the versioned key already holds
 * a different body. A published template is immutable (customers' stacks and the connection's
 * recorded version point at it), so a changed template needs a new TEMPLATE_VERSION.
 */
export class TemplatePublishError extends Error {
  readonly code = "TEMPLATE_VERSION_CONFLICT";
  override name = "TemplatePublishError";
}
