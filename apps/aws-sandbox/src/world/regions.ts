/** The commercial regions DescribeRegions knows; an account enables a subset. */
export const ALL_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "eu-south-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-east-1",
  "me-south-1",
  "af-south-1",
] as const;

/** Regions AWS enables by default; the others are opt-in. */
export const OPT_IN_REGIONS = new Set(["eu-south-1", "ap-east-1", "me-south-1", "af-south-1"]);
