// Glue jobs: ListJobs (names only; MaxResults, NextToken, Tags filter). Their ARN is
// arn:aws:glue:<region>:<account>:job/<name>; tags come from GetTags (tags.ts).
import type { OperationTable } from "../../protocol/operation";
import { listNames } from "./names";

export const jobs: OperationTable = {
  ListJobs: {
    action: "glue:ListJobs",
    handle: (ctx, input) => listNames(ctx, input, "ListJobs", "glue:job", "JobNames"),
  },
};
