// Glue (JSON 1.1, AWSGlue): one file per resource family (jobs, crawlers, Data Catalog databases and
// tables, tags), merged into one operation table.
import type { OperationTable } from "../../protocol/operation";
import { crawlers } from "./crawlers";
import { jobs } from "./jobs";
import { tables } from "./tables";
import { tags } from "./tags";

export const glue: OperationTable = {
  ...jobs,
  ...crawlers,
  ...tags,
  ...tables,
};
