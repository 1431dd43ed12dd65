// Batch L6: Cognito user and identity pools, API Gateway REST APIs (no account in the ARN),
// CodeBuild projects.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

const east = "us-east-1";
const seed = (type: string, id: string) => ({ type, region: east, id, tags: {} });

export const CASES: CoverageCase[] = [
  {
    type: "cognito-idp:userpool",
    seed: seed("cognito-idp:userpool", "us-east-1_L6Untagged"),
    arn: `arn:aws:cognito-idp:${east}:${ACME}:userpool/us-east-1_L6Untagged`,
  },
  {
    type: "cognito-identity:identitypool",
    seed: seed("cognito-identity:identitypool", "us-east-1:6c6c6c6c-0000-4000-8000-000000000001"),
    arn: `arn:aws:cognito-identity:${east}:${ACME}:identitypool/us-east-1:6c6c6c6c-0000-4000-8000-000000000001`,
  },
  {
    type: "apigateway:restapi",
    seed: seed("apigateway:restapi", "l6untagged"),
    arn: `arn:aws:apigateway:${east}::/restapis/l6untagged`,
  },
  {
    type: "codebuild:project",
    seed: seed("codebuild:project", "l6-untagged-build"),
    arn: `arn:aws:codebuild:${east}:${ACME}:project/l6-untagged-build`,
  },
];
