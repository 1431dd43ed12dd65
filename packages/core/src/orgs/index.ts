export { type ConvertedTagPolicy, type ConvertTagPolicyOptions, convertAwsTagPolicy } from "./convert";
export {
  awsTagPolicyTypeFor,
  catalogTypesForEnforcedFor,
  type EnforcedForResolution,
} from "./resource-types";
