import { parsePolicy, type TaggingPolicy } from "@tagc/core";
import { type Database, taggingPolicies } from "@tagc/db";
import { desc, eq } from "drizzle-orm";
import { notFound } from "../errors";

/** The client's current policy: its highest version, re-validated on the way out of the database. */
export async function currentPolicy(db: Database, clientId: string) {
  const [row] = await db
    .select()
    .from(taggingPolicies)
    .where(eq(taggingPolicies.clientId, clientId))
    .orderBy(desc(taggingPolicies.version))
    .limit(1);
  if (!row) throw notFound(`tagging policy of client ${clientId}`);
  const parsed = parsePolicy(row.document);
  // Stored policies were validated on save; a failure here means the catalog changed under them.
  const policy: TaggingPolicy = parsed.ok ? parsed.policy : (row.document as unknown as TaggingPolicy);
  return { row, policy };
}
