export { TemplateError, TemplateParameterError, TemplatePublishError } from "./errors";
export { type EvaluationContext, evaluate } from "./intrinsics";
export { loadTemplate, parseTemplate, parseTemplateDocument } from "./load-template";
export { checkOperator, DEFAULT_SCANNER_ROLE_PATTERN, type Operator } from "./operator";
export { stackSetTemplatePath, templatePath } from "./paths";
export { type PublishedTemplate, type PublishTemplatesInput, publishTemplates } from "./publish-templates";
export { type Partition, type RenderedRole, type RenderRoleOptions, renderRole } from "./render-role";
export {
  PLACEHOLDERS,
  type RenderedTemplate,
  renderTemplate,
  renderTemplates,
  TEMPLATE_KINDS,
  type TemplateKind,
  templateKey,
} from "./render-template";
export { isS3TemplateUrl, parseS3TemplateUrl, type S3ObjectLocation, s3TemplateUrl } from "./s3-url";
export { SCANNER_ACTIONS, type ScannerAction } from "./scanner-actions";
export type {
  CfnParameter,
  CfnResource,
  CfnTemplate,
  ConditionBlock,
  Json,
  JsonObject,
  PolicyDocument,
  PolicyStatement,
} from "./types";
export { TEMPLATE_VERSION } from "./version";
export { cfnYamlTags } from "./yaml-tags";
