// The operator settings every non-demo environment must carry (the env schema refuses to boot
// without them): the suites' control plane, an S3 template URL of the current version, a link secret.
import { TEMPLATE_VERSION } from "@tagc/cloudformation";
import { CONTROL_PLANE } from "@tagc/testkit";

export const TEST_TEMPLATE_URL = `https://tagc-templates-test.s3.us-east-1.amazonaws.com/tag-compliance-role-${TEMPLATE_VERSION}.yaml`;

export const TEST_ONBOARDING_LINK_SECRET = "test-onboarding-link-secret-0123456789abcdef";

export const OPERATOR_ENV: Record<string, string> = {
  PLATFORM_ACCOUNT_ID: CONTROL_PLANE.account_id,
  TEMPLATE_URL: TEST_TEMPLATE_URL,
  ONBOARDING_LINK_SECRET: TEST_ONBOARDING_LINK_SECRET,
};
