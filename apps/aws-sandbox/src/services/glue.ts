// AWS Glue (JSON 1.1, target prefix AWSGlue). One table of operations, one file per resource family
// under glue/ (Data Catalog tables and databases here; jobs and crawlers in their own files), so each
// family's operations are added with one line here.
import type { OperationTable } from "../protocol/operation";
import { tables } from "./glue/tables";

export const glue: OperationTable = {
  ...tables,
};
