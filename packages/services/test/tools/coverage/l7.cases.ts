// Batch L7: CloudFront distributions and Route 53 hosted zones (global), CodePipeline pipelines.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

export const CASES: CoverageCase[] = [
  {
    type: "cloudfront:distribution",
    seed: { type: "cloudfront:distribution", region: "us-east-1", id: "E7ACMEUNTAGGED", tags: {} },
    arn: `arn:aws:cloudfront::${ACME}:distribution/E7ACMEUNTAGGED`,
  },
  {
    type: "route53:hostedzone",
    seed: { type: "route53:hostedzone", region: "us-east-1", id: "Z07ACMEUNTAGGED", tags: {} },
    arn: "arn:aws:route53:::hostedzone/Z07ACMEUNTAGGED",
  },
  {
    type: "codepipeline:pipeline",
    seed: { type: "codepipeline:pipeline", region: "eu-west-1", id: "acme-release", tags: {} },
    arn: `arn:aws:codepipeline:eu-west-1:${ACME}:acme-release`,
  },
];
