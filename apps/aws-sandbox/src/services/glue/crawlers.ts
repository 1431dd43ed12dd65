// Glue crawlers: ListCrawlers (names only; MaxResults, NextToken, Tags filter). Their ARN is
// arn:aws:glue:<region>:<account>:crawler/<name>; tags come from GetTags (tags.ts).
import type { OperationTable } from "../../protocol/operation";
import { listNames } from "./names";

export const crawlers: OperationTable = {
  ListCrawlers: {
    action: "glue:ListCrawlers",
    handle: (ctx, input) => listNames(ctx, input, "ListCrawlers", "glue:crawler", "CrawlerNames"),
  },
};
