import { parsePolicy, type TaggingPolicy } from "@tagc/core";
import type { Database } from "@tagc/db";
import { notFound } from "../errors";
import { prepared } from "../prepared";

/** The client's current policy: its highest version, re-validated on the way out of the database. */
export async function currentPolicy(db: Database, clientId: string) {
  const [row] = await prepared(db).latestPolicy.execute({ clientId });
  if (!row) throw notFound(`tagging policy of client ${clientId}`);
  const parsed = parsePolicy(row.document);
  // Stored policies were validated on save; a failure here means the catalog changed under them.
  const policy: TaggingPolicy = parsed.ok ? parsed.policy : (row.document as unknown as TaggingPolicy);
  return { row, policy };
}
