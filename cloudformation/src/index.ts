export { TemplateError, TemplateParameterError } from "./errors";
export { type EvaluationContext, evaluate } from "./intrinsics";
export { loadTemplate, parseTemplateDocument } from "./load-template";
export { stackSetTemplatePath, templatePath } from "./paths";
export { type Partition, type RenderedRole, type RenderRoleOptions, renderRole } from "./render-role";
export { parseS3TemplateUrl, type S3ObjectLocation, s3TemplateUrl } from "./s3-url";
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
