export { type ConvertedTagPolicy, type ConvertTagPolicyOptions, convertAwsTagPolicy } from "./convert";
export { TagPolicyFormatError } from "./errors";
export {
  awsTagPolicyTypeFor,
  catalogTypesForEnforcedFor,
  type EnforcedForResolution,
} from "./resource-types";
