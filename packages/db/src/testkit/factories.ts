import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../client";
import {
  type ApiKey,
  type AwsConnection,
  apiKeys,
  awsConnections,
  type Client,
  clients,
  type NewApiKey,
  type NewAwsConnection,
  type NewClient,
} from "../schema";

// Factories insert one valid row with unique defaults and return it, so a test states only what it
// cares about. Every value that must be unique across tenants is random.

const random = (bytes: number) => randomBytes(bytes).toString("hex");

async function inserted<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export function createClient(db: Database, overrides: Partial<NewClient> = {}): Promise<Client> {
  const tag = random(4);
  return inserted(
    db
      .insert(clients)
      .values({
        name: `Client ${tag}`,
        contactEmail: `ops+${tag}@example.test`,
        tier: "professional",
        ...overrides,
      })
      .returning(),
  );
}

export function createConnection(
  db: Database,
  clientId: string,
  overrides: Partial<Omit<NewAwsConnection, "clientId">> = {},
): Promise<AwsConnection> {
  return inserted(
    db
      .insert(awsConnections)
      .values({
        clientId,
        accountId: String(randomBytes(6).readUIntBE(0, 6) % 1e12).padStart(12, "0"),
        roleName: `TagComplianceReader-${random(4)}`,
        externalId: random(20),
        externalIdExpiresAt: new Date(Date.now() + 48 * 3600 * 1000),
        templateVersion: "1",
        ...overrides,
      })
      .returning(),
  );
}

export function createApiKey(
  db: Database,
  clientId: string,
  overrides: Partial<Omit<NewApiKey, "clientId">> = {},
): Promise<ApiKey> {
  // The secret itself is discarded: services own the key format; tests that authenticate issue keys
  // through the services verb.
  const secret = random(32);
  return inserted(
    db
      .insert(apiKeys)
      .values({
        clientId,
        name: "test key",
        displayPrefix: secret.slice(0, 8),
        secretHash: createHash("sha256").update(secret).digest("hex"),
        ...overrides,
      })
      .returning(),
  );
}
