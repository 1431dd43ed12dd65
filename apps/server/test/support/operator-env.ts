// The operator settings every non-demo environment must carry (the env schema refuses to boot
// without them): the suites' control plane, an S3 template URL of the current version, a link secret.
import { CONTROL_PLANE, SANDBOX_TEMPLATE_URL } from "@tagc/testkit";

/** The harnesses publish the template there (publishSandboxTemplate), as an operator would to S3. */
export const TEST_TEMPLATE_URL = SANDBOX_TEMPLATE_URL;

export const TEST_ONBOARDING_LINK_SECRET = "test-onboarding-link-secret-0123456789abcdef";

export const OPERATOR_ENV: Record<string, string> = {
  PLATFORM_ACCOUNT_ID: CONTROL_PLANE.account_id,
  TEMPLATE_URL: TEST_TEMPLATE_URL,
  ONBOARDING_LINK_SECRET: TEST_ONBOARDING_LINK_SECRET,
};
