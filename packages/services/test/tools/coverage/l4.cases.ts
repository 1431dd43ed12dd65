// Batch L4: SageMaker endpoints and notebook instances, Bedrock agents and knowledge bases.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

export const CASES: CoverageCase[] = [
  {
    type: "sagemaker:endpoint",
    // AWS writes the endpoint's name in lower case in its ARN.
    seed: { type: "sagemaker:endpoint", region: "us-east-1", id: "Acme-Churn", tags: {} },
    arn: `arn:aws:sagemaker:us-east-1:${ACME}:endpoint/acme-churn`,
  },
  {
    type: "sagemaker:notebook-instance",
    seed: { type: "sagemaker:notebook-instance", region: "eu-west-1", id: "acme-lab", tags: {} },
    arn: `arn:aws:sagemaker:eu-west-1:${ACME}:notebook-instance/acme-lab`,
  },
  {
    type: "bedrock:agent",
    seed: { type: "bedrock:agent", region: "us-east-1", id: "ACMEAGENT1", tags: {} },
    arn: `arn:aws:bedrock:us-east-1:${ACME}:agent/ACMEAGENT1`,
  },
  {
    type: "bedrock:knowledge-base",
    seed: { type: "bedrock:knowledge-base", region: "eu-west-1", id: "ACMEKB0001", tags: {} },
    arn: `arn:aws:bedrock:eu-west-1:${ACME}:knowledge-base/ACMEKB0001`,
  },
];
