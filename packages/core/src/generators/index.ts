export {
  CONFIG_RULE_TYPES,
  type ConfigRule,
  type ConfigRulesInput,
  type ConfigRulesResult,
  configRulesInputSchema,
  generateConfigRules,
} from "./config-rules";
export {
  CUSTODIAN_VIOLATION_TYPES,
  type CustodianInput,
  type CustodianResult,
  custodianInputSchema,
  type GeneratedCustodianPolicy,
  generateCustodianPolicies,
} from "./custodian";
export type { CustodianPolicy, CustodianViolationType } from "./custodian-policy";
export {
  CUSTODIAN_WARNING_CODES,
  type CustodianWarning,
  type CustodianWarningCode,
} from "./custodian-warnings";
export {
  generateOpenOpsWorkflow,
  type OpenOpsInput,
  type OpenOpsResult,
  type OpenOpsWorkflow,
  openOpsInputSchema,
  REMEDIATION_STRATEGIES,
} from "./openops";
export { PLACEHOLDER_FALLBACK, type Placeholder, placeholderFor } from "./placeholder";
export {
  ENFORCEMENT_LEVELS,
  generateTerraformPolicy,
  TERRAFORM_POLICY_TYPES,
  type TerraformInput,
  type TerraformResult,
  terraformInputSchema,
} from "./terraform";
