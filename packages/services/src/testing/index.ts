// Test helpers of the services layer (`@tagc/services/testing`), on top of the test kit: onboarding
// through the verbs, ServiceDeps and a tool runtime pointed at the sandbox, and a tool's verb run alone.
export { runTool } from "./run-tool";
export {
  memoryToolRuntime,
  type SandboxServicesOptions,
  sandboxAwsConfig,
  sandboxServices,
  TEST_DOWNLOADS,
  TEST_ONBOARDING,
} from "./sandbox-services";
export { servicesSteps } from "./services-steps";
