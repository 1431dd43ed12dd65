// Who an OAuth grant acts for: a client (tenant) and the API key its customer proved membership
// with on the consent page. Both live in the grant's account id, so checking the key on every use
// makes revoking the key revoke every grant made with it, on every replica at once.
import { type ApiKey, apiKeys, type Client, clients, type Database } from "@tagc/db";
import { eq } from "drizzle-orm";
import { keyState } from "../keys/view";

export interface OAuthAccount {
  client: Client;
  key: ApiKey;
}

export const oauthAccountId = (clientId: string, keyId: string) => `${clientId}:${keyId}`;

export function parseOAuthAccountId(accountId: string): { clientId: string; keyId: string } | undefined {
  const [clientId, keyId, ...rest] = accountId.split(":");
  return clientId && keyId && rest.length === 0 ? { clientId, keyId } : undefined;
}

/** The account behind a grant, or undefined once its key is revoked or expired or its client deleted. */
export async function findOAuthAccount(
  db: Database,
  accountId: string,
  now: Date,
): Promise<OAuthAccount | undefined> {
  const parsed = parseOAuthAccountId(accountId);
  if (!parsed) return undefined;
  const [row] = await db
    .select({ key: apiKeys, client: clients })
    .from(apiKeys)
    .innerJoin(clients, eq(clients.id, apiKeys.clientId))
    .where(eq(apiKeys.id, parsed.keyId))
    .limit(1);
  if (!row || row.client.id !== parsed.clientId || row.client.status === "deleted") return undefined;
  const state = keyState(row.key, now);
  return state === "active" || state === "rotating" ? row : undefined;
}
