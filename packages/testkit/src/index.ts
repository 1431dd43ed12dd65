// The test kit: one control plane, one clock, one way to onboard a tenant, for the demo, the
// benchmark and every harness. The services-side helpers are in @tagc/services/testing.
export { TestClock, testNow } from "./clock";
export {
  ACME_ACCOUNT,
  ACME_ADMIN,
  CONTROL_PLANE,
  CUSTOMER_ADMINS,
  customerAdminFor,
  DAY,
  GLOBEX_ACCOUNT,
  GLOBEX_ADMIN,
  HOUR,
  MINUTE,
  OUTSIDE_PATTERN,
  type PolicyPrincipal,
  type Principal,
  UNTRUSTED_ACCOUNT,
} from "./constants";
export { freePort } from "./free-port";
export { type Listening, listen } from "./listen";
export {
  type Customer,
  type CustomerCloud,
  customer,
  type OnboardedTenant,
  type OnboardingSteps,
  type OnboardOptions,
  onboardTenant,
  type Registered,
  registrationBody,
  type Verification,
} from "./onboard";
export { deployRole, type RoleHost, type RoleOptions, type RoleTarget } from "./role";
export {
  type DeployedStack,
  deleteStackAndWait,
  deployFromQuickCreateUrl,
  parseQuickCreateUrl,
  type QuickCreateLink,
  StackDeployError,
  type StackTarget,
} from "./stack";
export { publishSandboxTemplate, SANDBOX_TEMPLATE_URL, sandboxTemplateUrl } from "./templates";
export { sandboxSeed } from "./world";
export {
  acmeAccount,
  GLOBEX_POLICY,
  globexAccount,
  HAND_COMPUTED_START,
  handComputedSeed,
} from "./worlds/hand-computed";
