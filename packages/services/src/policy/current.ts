import { parsePolicy, type TaggingPolicy } from "@tagc/core";
import type { Database } from "@tagc/db";
import { notFound, ServiceError } from "../errors";
import { prepared } from "../prepared";

/** The client's current policy: its highest version, re-validated on the way out of the database. */
export async function currentPolicy(db: Database, clientId: string) {
  const [row] = await prepared(db, "latestPolicy").execute({ clientId });
  if (!row) throw notFound(`tagging policy of client ${clientId}`);
  const parsed = parsePolicy(row.document);
  // Stored policies were validated on save; a failure here means the catalog changed under them.
  // Scanning with rules nobody can read back would be worse than saying so.
  if (!parsed.ok) {
    const [first] = parsed.errors;
    throw new ServiceError(
      "UNPROCESSABLE",
      `This client's stored tagging policy (version ${row.version}) no longer validates${first ? ` (${first.path}: ${first.message})` : ""}. Ask the administrator to save it again with PUT /v1/clients/{id}/policy.`,
    );
  }
  const policy: TaggingPolicy = parsed.policy;
  return { row, policy };
}
